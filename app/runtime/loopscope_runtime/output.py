"""Printed lines: sys.stdout/sys.stderr pass everything through unchanged, and each line the
script writes becomes a `print` record on the lane that wrote it. Every line is recorded; a
line longer than LINE_CAP characters comes as several records, and past LINE_RECORDS records
the rest of that line is cut and replaced by one visible marker record that counts it."""

import io
import sys

from . import stream
from .lanes import current_lane
from .stream import emit, internal_error, note, quote

LINE_CAP = 4000          # characters of a line per record
LINE_RECORDS = 25        # records per line at most (100,000 characters); the rest is cut
_lines_cut = 0
_tees = []


class TeeWriter:
    def __init__(self, real, stream_name):
        self._real = real
        self._stream = stream_name
        self._partial = {}   # lane -> (text not yet ended by a newline, records so far, cut)

    def write(self, s):
        n = self._real.write(s)
        if s and stream.tracing():
            self._lines(s)
        return n

    def writelines(self, lines):
        for s in lines:
            self.write(s)

    def flush(self):
        return self._real.flush()

    def _lines(self, s):
        try:
            lane = current_lane()
            state = self._partial.pop(lane, None)
            if state is None:
                records, cut = 0, -1          # cut: characters cut from this line (-1: none)
            else:
                s = state[0] + s
                records, cut = state[1], state[2]
            if '\n' in s:
                lines = s.split('\n')
                rest = lines.pop()
                for text in lines:
                    self._line_end(lane, text, records, cut)
                    records, cut = 0, -1
            else:
                rest = s
            while len(rest) > LINE_CAP:   # a line still growing (a progress bar): in pieces
                records, cut = self._piece(lane, rest[:LINE_CAP], records, cut)
                rest = rest[LINE_CAP:]
            if rest or records or cut >= 0:
                self._partial[lane] = (rest, records, cut)
        except Exception:   # a loopscope bug must not change the script
            internal_error('printed lines')

    def _piece(self, lane, text, records, cut):
        """One LINE_CAP piece of a line: recorded, or counted once the line had its records."""
        if cut >= 0:
            return records, cut + len(text)
        if records >= LINE_RECORDS:
            return records, len(text)
        self._emit(lane, text)
        return records + 1, cut

    def _line_end(self, lane, text, records, cut):
        global _lines_cut
        while len(text) > LINE_CAP:
            records, cut = self._piece(lane, text[:LINE_CAP], records, cut)
            text = text[LINE_CAP:]
        if cut < 0 and (records < LINE_RECORDS or not text):
            self._emit(lane, text)
            return
        cut = len(text) + max(cut, 0)
        _lines_cut += 1
        self._emit(lane, f'\u2026 [{cut:,} more characters of this line not recorded]')

    def _emit(self, lane, text):
        emit(f'"ev":"print","lane":{lane},"stream":"{self._stream}","text":{quote(text)}')

    def end(self):
        """At exit: a last line without its newline is recorded."""
        for lane, (rest, records, cut) in list(self._partial.items()):
            if rest or cut >= 0:
                self._line_end(lane, rest, records, cut)
        self._partial.clear()

    def __getattr__(self, name):
        return getattr(self._real, name)

    def __iter__(self):
        return iter(self._real)

    def __repr__(self):              # `print(sys.stdout)` reads as in a plain run
        return repr(self._real)


io.TextIOBase.register(TeeWriter)     # isinstance(sys.stdout, io.TextIOBase) as in a plain run


def install():
    for name in ('stdout', 'stderr'):
        real = getattr(sys, name)
        if real is not None:
            tee = TeeWriter(real, name)
            _tees.append(tee)
            setattr(sys, name, tee)
            if getattr(sys, f'__{name}__') is real:
                # `sys.stdout = sys.__stdout__` (undoing a redirection) must keep the records.
                setattr(sys, f'__{name}__', tee)


def end():
    for tee in _tees:
        tee.end()
    if _lines_cut:
        note(f'{_lines_cut} printed lines longer than {LINE_CAP * LINE_RECORDS:,} characters '
             'were cut (each ends with a marker record)')
