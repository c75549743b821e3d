"""Benchmark workload: many tasks taking many small cooperative steps.

2000 tasks x 25 `await asyncio.sleep(0)` each, with a little arithmetic per step. Runnable plain
(`python3 asyncio_heavy.py [TASKS] [STEPS]`); prints one line with the checksum and wall time.
"""
import asyncio
import sys
import time


async def worker(n, steps):
    total = 0
    for i in range(steps):
        total += sum(range(n % 7 + i, n % 7 + i + 40))   # a little work per step
        await asyncio.sleep(0)
    return total


async def main(tasks, steps):
    results = await asyncio.gather(*(worker(n, steps) for n in range(tasks)))
    return sum(results)


if __name__ == "__main__":
    tasks = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    start = time.perf_counter()
    checksum = asyncio.run(main(tasks, steps))
    print(f"asyncio_heavy tasks={tasks} steps={steps} checksum={checksum} "
          f"seconds={time.perf_counter() - start:.3f}")
