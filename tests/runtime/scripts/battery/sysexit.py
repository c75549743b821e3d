"""sys.exit with a code from inside a task, after atexit registration."""
import asyncio
import atexit
import sys

atexit.register(lambda: print("atexit ran"))


async def main():
    print("exiting with 3", file=sys.stderr)
    sys.exit(3)


asyncio.run(main())
