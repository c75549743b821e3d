"""Traced/plain wall-time ratio of the bench workloads (run by hand; not a ctest test).

    /usr/bin/python3 tests/runtime/measure_overhead.py [REPEATS]
"""
import os
import resource
import subprocess
import sys
import tempfile
import time

from tracehelp import HERE, PYTHON, RUNTIME

WORKLOADS = os.path.normpath(os.path.join(HERE, '..', '..', 'bench', 'workloads'))


def best_of(cmd, repeats):
    """(best wall time, best CPU time) in seconds. CPU time (user+sys of the child) is far less
    disturbed than wall time on a machine shared with other work."""
    best_wall = best_cpu = float('inf')
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        best_wall = min(best_wall, time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_cpu = min(best_cpu, cpu)
    return best_wall, best_cpu


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as tmp:
        events = os.path.join(tmp, 'events.jsonl')
        for name in ('asyncio_heavy.py', 'generator_heavy.py'):
            script = os.path.join(WORKLOADS, name)
            plain = best_of([PYTHON, script], repeats)
            traced = best_of([PYTHON, RUNTIME, '--events-file', events, '--', script], repeats)
            size = os.path.getsize(events)
            print(f'{name}: wall plain {plain[0]:.3f} s traced {traced[0]:.3f} s '
                  f'ratio {traced[0] / plain[0]:.2f}x; cpu plain {plain[1]:.3f} s '
                  f'traced {traced[1]:.3f} s ratio {traced[1] / plain[1]:.2f}x; '
                  f'stream {size / 1e6:.1f} MB', flush=True)


if __name__ == '__main__':
    main()
