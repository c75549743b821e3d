# aiofiles reads a file through a thread pool; a subprocess pipe is read as an async generator.
import asyncio
import os
import sys

import aiofiles

LOG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "server.log")
CHILD = "import time\nfor i in range(3):\n    print('child line', i, flush=True)\n    time.sleep(0.1)"


async def errors(path):
    async with aiofiles.open(path) as f:  # each read runs in a worker thread
        async for line in f:
            if "ERROR" in line:
                print("log:", line.strip())
                await asyncio.sleep(0.05)  # e.g. alert someone; between reads the thread lane idles


async def lines_from(*cmd):
    """Yields a command's output lines as they arrive on the pipe."""
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    try:
        while line := await proc.stdout.readline():  # suspends until data arrives
            yield line.decode().rstrip()
    finally:
        await proc.wait()


async def main():
    await errors(LOG)
    async for line in lines_from(sys.executable, "-c", CHILD):
        print("pipe:", line)


asyncio.run(main())
