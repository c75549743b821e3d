# Right: async for over the StreamReader; the transport is closed when the generator ends.
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
    protocol = asyncio.StreamReaderProtocol(reader)
    transport, _ = await loop.connect_read_pipe(lambda: protocol, open(read_fd, "rb", buffering=0))
    try:
        async for line in reader:
            yield line.decode().strip()
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
