"""Traced/plain wall-time ratio of the bench workloads (run by hand; not a ctest test).

    /usr/bin/python3 tests/runtime/measure_overhead.py [REPEATS]
"""
import os
import subprocess
import sys
import tempfile
import time

from tracehelp import HERE, PYTHON, RUNTIME

WORKLOADS = os.path.normpath(os.path.join(HERE, '..', '..', 'bench', 'workloads'))


def best_of(cmd, repeats):
    best = float('inf')
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as tmp:
        events = os.path.join(tmp, 'events.jsonl')
        for name in ('asyncio_heavy.py', 'generator_heavy.py'):
            script = os.path.join(WORKLOADS, name)
            plain = best_of([PYTHON, script], repeats)
            traced = best_of([PYTHON, RUNTIME, '--events-file', events, '--', script], repeats)
            size = os.path.getsize(events)
            print(f'{name}: plain {plain:.3f} s, traced {traced:.3f} s, '
                  f'ratio {traced / plain:.2f}x, stream {size / 1e6:.1f} MB')


if __name__ == '__main__':
    main()
