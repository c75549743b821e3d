"""Child of test_accel: the budget over the C twin. Prints the ring's records, the dropped count
the runner would read from the header, and what the stream says was dropped."""
import json
import sys

sys.path.insert(0, sys.argv[1])
from loopscope_runtime import stream    # noqa: E402
from ring_records import accel_ring, ring_lines   # noqa: E402


def main():
    ring = accel_ring()
    if ring is None:
        return
    mm, words = ring
    stream.set_budget(3)
    for i in range(5):
        stream.emitf('"ev":"n","i":{}', i)
    stream.emit('"ev":"end"', always=True)
    print(json.dumps({'accel': True, 'lines': ring_lines(mm, words),
                      'header_dropped': words[24], 'dropped': stream._accel.dropped()}))


if __name__ == '__main__':
    main()
