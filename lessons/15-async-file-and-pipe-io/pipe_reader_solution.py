# Reference solution: the loop watches the pipe; a StreamReader hands out whole lines.
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
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    transport, _ = await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(read_fd, "rb"))
    try:
        while line := await reader.readline():  # suspends until a line (or the end) arrives
            yield line.decode().rstrip()
    finally:
        transport.close()


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
