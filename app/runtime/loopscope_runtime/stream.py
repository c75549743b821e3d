"""The event stream (docs/trace-format.md): one JSON record per line, `seq` and `t` taken
together under one lock, written where the runner reads it.

Where records go (a "sink"):
- RingSink (`--events-ring FD`, what the runner uses): a shared-memory ring that the runner maps
  too. A record is in the ring, and counted as written, when emit() returns: a process killed
  by any signal (SIGKILL, SIGSEGV, the OOM killer) or ended by os._exit loses nothing it emitted,
  and nothing has to be flushed. The layout is in docs/trace-format.md ("Transport").
- FdSink (`--events-fd FD` / `--events-file PATH`): batched writes to a pipe or file, flushed at
  exit and a few times a second (by the watchdog). A process killed by a signal loses the last
  batch; tests and hand runs use it.

The ring's hot path has a C twin, the module `_accel` (app/runtime/accel/ring_emit.c), built for
each interpreter found at build time: where it loads, `emit` and `emitf` are its functions and the
ring is written from C. This file stays the reference and the fallback (LOOPSCOPE_PURE_PYTHON=1
forces it); both write the same bytes.
"""

import mmap
import os
import threading
import time

perf_ns = time.perf_counter_ns
try:    # '"text"', JSON-escaped (the C helper of json, without importing the json package)
    from _json import encode_basestring as quote
except ImportError:
    from json.encoder import py_encode_basestring as quote

T0 = perf_ns()
_lock = threading.RLock()   # re-entrant: the SIGTERM handler may run inside emit()
_seq = 0
_sink = None
final = False           # after the exit record: nothing is batched any more
_emitting = False       # inside emit() (guarded by _lock)
_nested = []            # records emitted re-entrantly, appended by the outer emit()

# The event budget: past `budget` records only the records that end the story (exit, notes,
# uncaught exceptions) are written; the rest are counted. 0: no budget.
budget = 0
dropped = 0

# Set by the exit paths: a SIGTERM that arrived while this thread was inside emit() is acted on
# when emit() is left (pending_signal, on_pending_signal(signum)).
pending_signal = 0
on_pending_signal = None
MAIN_IDENT = threading.main_thread().ident


class FdSink:
    """Batched writes to a pipe or a file."""
    BATCH = 64

    def __init__(self, fd):
        self.fd = fd
        self.buf = []

    def writer(self):
        buf = self.buf
        batch = self.BATCH
        flush = self.flush

        def write(line):
            buf.append(line)
            if len(buf) >= batch or final:
                flush()
            return True
        return write

    def count_dropped(self, n):
        pass

    def flush(self):
        if not self.buf:
            return
        view = memoryview(''.join(self.buf).encode('utf-8', 'replace'))
        self.buf.clear()
        while view and self.fd >= 0:
            try:
                n = os.write(self.fd, view)
            except InterruptedError:
                continue
            except OSError:      # the reader went away: stop tracing, never disturb the script
                self.fd = -1
                return
            view = view[n:]

    @property
    def alive(self):
        return self.fd >= 0


class RingSink:
    """A single-producer ring in shared memory (the runner maps the same memfd).

    Header (native 64-bit words): magic at byte 0, capacity at 8, write position at 64 (bytes
    written so far, advanced by us after the bytes are in place), read position at 128 (bytes
    the runner has taken), dropped-record count at 192. Data starts at byte 4096; byte k of the
    stream is at data[k % capacity]."""
    MAGIC = b'LSRING1\0'
    HEADER = 4096
    W_WRITE, W_READ, W_DROPPED = 8, 16, 24   # word indexes of the fields above

    def __init__(self, fd):
        size = os.fstat(fd).st_size
        self.mm = mmap.mmap(fd, size, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
        if self.mm[:8] != self.MAGIC:
            raise ValueError('the events ring has no loopscope header')
        self.words = memoryview(self.mm).cast('Q')
        self.cap = self.words[1]
        if self.cap & (self.cap - 1) or self.HEADER + self.cap > size:
            raise ValueError('the events ring has a bad capacity')
        self.mask = self.cap - 1
        self.data = memoryview(self.mm)[self.HEADER:self.HEADER + self.cap]
        self.w = self.words[self.W_WRITE]
        self.r = self.words[self.W_READ]
        self.parent = os.getppid()
        self.alive = True

    def writer(self):
        """The write function emit() calls: a closure over locals (cells), the fastest form in
        Python: a record costs an encode, one slice assignment into the mapping and one word
        store. The write position lives in the closure; the header word is what the runner
        reads."""
        mm, words, cap, mask, header = self.mm, self.words, self.cap, self.mask, self.HEADER
        room_for = self._room_for
        w = self.w
        r = self.r

        def write(line):
            nonlocal w, r
            try:
                b = line.encode()
            except UnicodeEncodeError:       # a lone surrogate in a printed line
                b = line.encode('utf-8', 'replace')
            n = len(b)
            if w + n - r > cap:
                r = room_for(w, n)
                if r < 0:
                    return False
            i = (w & mask) + header
            end = i + n
            if end <= header + cap:
                mm[i:end] = b
            else:                            # wraps around the end of the ring
                k = header + cap - i
                mm[i:header + cap] = b[:k]
                mm[header:header + n - k] = b[k:]
            w += n
            words[8] = w                     # publishes it (W_WRITE: an aligned 8-byte store)
            return True
        return write

    def _room_for(self, w, n):
        """Waits until the runner has taken enough of the ring for n more bytes past write
        position w; returns the read position, or -1 if the runner never will (it went away)."""
        if n > self.cap or not self.alive:
            return -1
        while True:
            r = self.words[self.W_READ]
            if w + n - r <= self.cap:
                return r
            if os.getppid() != self.parent:   # the runner died: stop tracing, run on
                self.alive = False
                return -1
            time.sleep(0.0005)

    def flush(self):
        pass

    def count_dropped(self, n):
        self.words[self.W_DROPPED] = n


def _no_sink(line):
    return False


_write = _no_sink        # the sink's write(line) -> bool


class AccelRing:
    """The ring as the C twin writes it (stream.py only asks whether it is still read)."""

    def flush(self):
        pass

    def count_dropped(self, n):
        pass

    @property
    def alive(self):
        return _accel.alive()


def open_ring(fd):
    global _sink, _write
    if _accel:
        _accel.open_ring(fd)
        _sink = AccelRing()
        return
    _sink = RingSink(fd)
    _write = _sink.writer()


def open_fd(fd):
    global _sink, _write
    _sink = FdSink(fd)
    _write = _sink.writer()


def crash_safe():
    """True when every emitted record survives the process however it dies (the ring)."""
    return isinstance(_sink, (RingSink, AccelRing))


def tracing():
    """True while records still reach the runner (the script's hooks may skip work if not)."""
    return _sink is not None and _sink.alive


def start_clock():
    global T0
    T0 = perf_ns()
    if _accel:
        _accel.set_clock_origin(T0)


def now():
    return perf_ns() - T0


def py_emit(body, always=False):
    """Appends one record; `body` is the JSON text after seq/t (starting with "ev"). Returns t.
    `always`: written even past the budget (records that end the story).

    The lock is taken with its bound methods, not `with`: half the cost per record (a task
    step writes two). The release is guarded by _is_owned() so that an exception raised at the
    acquire (a signal handler while waiting) or just after it leaves the lock as it was."""
    global _seq, _emitting
    try:
        _acquire()
        if _emitting:
            # Re-entered on this thread (a finalizer run by the GC, a signal handler): the outer
            # call appends this record after its own, so seq order stays file order.
            _nested.append(body)
            return perf_ns() - T0
        _emitting = True
        try:
            s = _seq
            t = perf_ns() - T0
            if s < _limit or always:
                if _write(f'{{"seq":{s},"t":{t},{body}}}\n'):
                    _seq = s = s + 1
                    if s == budget:
                        _budget_reached()
            else:
                _drop()
            if _nested:
                _write_nested()
        finally:
            _emitting = False
    finally:
        if _is_owned():
            _release()
    if pending_signal and not _is_owned() and get_ident() == MAIN_IDENT:
        on_pending_signal(pending_signal)
    return t


_template_fields = {}    # template -> its number of `{}` fields (checked once)
_BAD_TEMPLATE = 'emitf: a template takes `{}` fields only, one per argument'


def py_emitf(template, *args):
    """emit(template.format(*args)): a record from a template whose fields are all `{}`, one
    per argument, with no other braces (the C twin formats the ints itself, without building
    the body, and refuses any other template: so does this)."""
    n = _template_fields.get(template)
    if n is None:
        n = _template_fields[template] = _fields_of(template)
    if n != len(args):
        raise ValueError(_BAD_TEMPLATE)
    return py_emit(template.format(*args))


def _fields_of(template):
    n = template.count('{}')
    if template.count('{') != n or template.count('}') != n:
        raise ValueError(_BAD_TEMPLATE)
    return n


def _load_accel():
    if os.environ.get('LOOPSCOPE_PURE_PYTHON'):
        return None
    try:
        from . import _accel
    except ImportError:      # not built for this interpreter: the pure-Python path
        return None
    _accel.init(py_emit)
    _accel.set_clock_origin(T0)
    return _accel


_accel = _load_accel()
emit = _accel.emit if _accel else py_emit
emitf = _accel.emitf if _accel else py_emitf


def _bind_lock():
    global _acquire, _release, _is_owned
    _acquire, _release, _is_owned = _lock.acquire, _lock.release, _lock._is_owned


_bind_lock()
get_ident = threading.get_ident


_limit = 1 << 62         # seq from which records are dropped: the budget, when there is one


def set_budget(n):
    global budget, _limit
    budget = n
    _limit = n if n > 0 else 1 << 62
    if _accel:
        _accel.set_budget(max(n, 0), _emit_budget_note)


def _drop():
    global dropped
    dropped += 1
    if _sink is not None:
        _sink.count_dropped(dropped)    # the runner reads it, even after a crash


def _write_nested():
    global _seq
    while _nested:
        body = _nested.pop(0)
        s = _seq
        if _write(f'{{"seq":{s},"t":{perf_ns() - T0},{body}}}\n'):
            _seq = s + 1


def _budget_note():
    return (f'"ev":"note","budget":{budget},"text":'
            + quote(f'the trace reached its budget of {budget:,} records: later records '
                    'are counted, not recorded (except the end of the run)'))


def _budget_reached():
    # Inside emit(): queued behind the current record, written before anything else.
    _nested.append(_budget_note())


def _emit_budget_note():
    # The C twin calls this right after the record that reached the budget.
    emit(_budget_note(), always=True)


def end_of_budget():
    """At exit: says how many records the budget kept out (and tells the runner)."""
    count = _accel.dropped() if isinstance(_sink, AccelRing) else dropped
    if count:
        note(f'{count:,} records were not recorded (budget of {budget:,} records)',
             f'"dropped":{count},')


def flush():
    with _lock:
        if _sink is not None:
            _sink.flush()


def finish():
    """After the exit record: later records (shutdown finalizers) are written at once."""
    global final
    final = True
    flush()


def detach():
    """In a forked child: write nothing into the parent's stream, hold none of its locks."""
    global _sink, _write, _lock, _emitting, final
    _sink = None
    _write = _no_sink
    final = True
    if _accel:
        _accel.detach()
    _lock = threading.RLock()
    _bind_lock()
    _emitting = False
    _nested.clear()


def note(text, extra=''):
    emit(f'"ev":"note",{extra}"text":{quote(text)}', always=True)


_internal_errors = set()


def internal_error(where, exc=None):
    """Reports (once per place) an exception inside loopscope's own hooks; the script goes on."""
    if where in _internal_errors:
        return
    _internal_errors.add(where)
    import sys
    exc = exc or sys.exc_info()[1]
    try:
        note(f'loopscope internal error in {where} (the trace may miss events there): '
             f'{type(exc).__name__}: {exc}')
    except Exception:
        pass


def short(value):
    """A short repr (80 characters at most) that never raises."""
    try:
        r = repr(value)
    except Exception as exc:  # a broken __repr__ must not break the script
        r = f'<{type(value).__name__}: repr failed: {type(exc).__name__}>'
    if len(r) > 80:
        r = r[:79] + '\u2026'
    return r


def text_of(obj):
    """str(obj) that never raises."""
    try:
        return str(obj)
    except Exception:
        return f'<{type(obj).__name__}: str() failed>'


def fmt_num(x):
    # Labels read like the source: 0.3 / 3 is shown as 0.1, not 0.09999999999999999.
    if isinstance(x, float):
        return f'{x:.6g}'
    return repr(x) if isinstance(x, int) else short(x)
