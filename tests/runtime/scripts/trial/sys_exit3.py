"""sys.exit(3) from inside a function, after output and an atexit handler."""
import atexit
import sys


def check(values):
    bad = [v for v in values if v < 0]
    if bad:
        print(f"{len(bad)} bad values", file=sys.stderr)
        sys.exit(3)


atexit.register(lambda: print("atexit handler ran"))
print("checking")
check([1, 2, -3, 4, -5])
print("not reached")
