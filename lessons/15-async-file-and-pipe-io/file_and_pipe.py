# aiofiles reads and writes through a thread pool while a ticker runs; a pipe is read as it fills.
import asyncio
import os
import sys
import tempfile

import aiofiles

LOG = "server.log"  # beside the program: it runs in the lesson folder, edited or not
CHILD = "import time\nfor i in range(3):\n    print('child line', i, flush=True)\n    time.sleep(0.1)"


async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0.04)


async def copy_errors(src, dst):
    async with aiofiles.open(src) as log, aiofiles.open(dst, "w") as report:
        async for line in log:  # each read: a job on a worker thread
            if "ERROR" in line:
                await report.write(line)  # each write: another job
                print("log:", line.strip())
                await asyncio.sleep(0.05)  # e.g. alert someone: the ticker runs meanwhile


async def lines_from(*cmd):  # a command's output lines, as they arrive on the pipe
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    try:
        while line := await proc.stdout.readline():  # suspends until data arrives
            yield line.decode().rstrip()
    finally:
        await proc.wait()


async def main():
    ticking = asyncio.create_task(ticker(), name="ticker")
    with tempfile.TemporaryDirectory() as folder:
        await copy_errors(LOG, os.path.join(folder, "errors.txt"))
    await ticking
    async for line in lines_from(sys.executable, "-c", CHILD):
        print("pipe:", line)


asyncio.run(main())
