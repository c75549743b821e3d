"""A child process's stdout read line by line through a StreamReader, as an async generator."""
import asyncio
import sys

CHILD = "import time\nfor i in range(3):\n    print('line', i, flush=True)\n    time.sleep(0.01)\n"


async def lines(proc):
    while line := await proc.stdout.readline():
        yield line.decode().rstrip()


async def main():
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", CHILD,
                                                stdout=asyncio.subprocess.PIPE)
    async for line in lines(proc):
        print("from child:", line)
    print("child exit", await proc.wait())


asyncio.run(main())
