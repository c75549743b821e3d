# Wrong: read() waits for the end of the stream, so every line arrives at once.
import asyncio
import sys

CHILD = "import time\nfor i in range(3):\n    print('child line', i, flush=True)\n    time.sleep(0.15)"


async def lines_from(*cmd):
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    output = await proc.stdout.read()
    for line in output.decode().splitlines():
        yield line
    await proc.wait()


async def ticker():
    for i in range(12):
        print("tick", i)
        await asyncio.sleep(0.05)


async def main():
    ticking = asyncio.create_task(ticker(), name="ticker")
    async for line in lines_from(sys.executable, "-c", CHILD):
        print("pipe:", line)
    await ticking


asyncio.run(main())
