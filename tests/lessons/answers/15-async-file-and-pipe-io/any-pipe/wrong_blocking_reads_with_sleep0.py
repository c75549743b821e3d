# Wrong: a sleep(0) between blocking readline() calls does not help: read() still holds the loop.
import asyncio
import os
import threading
import time


def writer(fd):  # another thread writes a line every 0.1 s, then closes its end
    with os.fdopen(fd, "w") as out:
        for i in range(3):
            time.sleep(0.1)
            print(f"line {i}", file=out, flush=True)


async def lines(read_fd):
    with os.fdopen(read_fd) as pipe:
        while line := pipe.readline():
            yield line.rstrip()
            await asyncio.sleep(0)


async def ticker():
    for i in range(8):
        print("tick", i)
        await asyncio.sleep(0.05)


async def main():
    read_fd, write_fd = os.pipe()
    threading.Thread(target=writer, args=(write_fd,), name="writer").start()
    ticking = asyncio.create_task(ticker(), name="ticker")
    async for line in lines(read_fd):
        print("got", line)
    await ticking


asyncio.run(main())
