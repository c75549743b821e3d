"""Benchmark workload: a three-stage generator pipeline over ~200k items.

Runnable plain (`python3 generator_heavy.py [ITEMS]`); prints one line with the checksum and wall
time.
"""
import sys
import time


def source(n):
    for i in range(n):
        yield i


def evens(items):
    for x in items:
        if x % 2 == 0:
            yield x


def scaled(items):
    for x in items:
        yield x * 3


if __name__ == "__main__":
    items = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    start = time.perf_counter()
    checksum = sum(scaled(evens(source(items))))
    print(f"generator_heavy items={items} checksum={checksum} "
          f"seconds={time.perf_counter() - start:.3f}")
