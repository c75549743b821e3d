"""Child of test_accel: writes records through the C twin (stream.emit/emitf over a ring made
here) and prints, as JSON, what the ring holds and what stream.py's formatting says it should."""
import json
import mmap
import os
import sys

sys.path.insert(0, sys.argv[1])         # the folder holding the built loopscope_runtime
from loopscope_runtime import stream    # noqa: E402

CAPACITY = 1 << 16


def make_ring():
    fd = os.memfd_create('accel-test')
    os.ftruncate(fd, 4096 + CAPACITY)
    mm = mmap.mmap(fd, 4096 + CAPACITY)
    mm[:8] = b'LSRING1\0'
    words = memoryview(mm).cast('Q')
    words[1] = CAPACITY
    return fd, mm, words


def accel_ring():
    """(map, words) of a ring the C twin now writes into; None (said as JSON) without it."""
    if stream._accel is None:
        print(json.dumps({'accel': False}))
        return None
    fd, mm, words = make_ring()
    stream.open_ring(fd)
    return mm, words


def ring_lines(mm, words):
    return mm[4096:4096 + words[8]].decode('utf-8').splitlines()


CASES = [
    ('"ev":"run","lane":{},"line":{},"ready":{},"by":{},"why":"{}"', (3, 14, 123456789, -1, 'soon')),
    ('"ev":"x","n":{}', (0,)),
    ('"ev":"x","n":{}', (-5,)),
    ('"ev":"x","n":{}', (2 ** 63,)),                # past a C long long: formatted by Python
    ('"ev":"x","n":{}', (-(10 ** 30),)),
    ('"ev":"x","b":{}', (True,)),                   # an int subclass: as str.format writes it
    ('"ev":"x","f":{}', (0.1,)),
    ('"ev":"x","s":{}', (stream.quote('café ☕ \\ "q"'),)),
    ('"ev":"x","s":{}', (stream.quote('lone \ud800 surrogate'),)),
    ('{}', ('"ev":"only"',)),
    ('"ev":"none"', ()),
]
BAD_TEMPLATES = [('"ev":"x","n":{}', ()), ('"ev":"x","n":{0}', (1,)), ('"ev":"x"', (1,)),
                 ('"ev":"x","n":{', (1,)), ('"ev":"x","n":}{}', (1,))]


def refusals(emitf):
    """What emitf says of each bad template (None: it wrote a record)."""
    said = []
    for template, args in BAD_TEMPLATES:
        try:
            emitf(template, *args)
            said.append(None)
        except ValueError as exc:
            said.append(str(exc))
    return said


def main():
    ring = accel_ring()
    if ring is None:
        return
    mm, words = ring
    for template, args in CASES:
        stream.emitf(template, *args)
    stream.emit('"ev":"plain","s":' + stream.quote('ünïcode'))
    stream.emit('"ev":"plain","always":1', always=True)
    errors = refusals(stream.emitf)
    py_errors = refusals(stream.py_emitf)
    expected = [t.format(*a) for t, a in CASES]
    expected += ['"ev":"plain","s":' + stream.quote('ünïcode'), '"ev":"plain","always":1']
    expected = [e.encode('utf-8', 'replace').decode('utf-8') for e in expected]
    print(json.dumps({'accel': True, 'lines': ring_lines(mm, words), 'expected': expected,
                      'errors': errors, 'py_errors': py_errors, 'alive': stream.tracing()}))


if __name__ == '__main__':
    main()
