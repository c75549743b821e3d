# Reference solution: aclosing in main closes decoded(); aclosing inside decoded() closes its source.
import asyncio
import contextlib


async def connection():
    print("connection: open")
    try:
        while True:
            await asyncio.sleep(0.02)
            yield b"packet"
    finally:
        print("connection: closed")


async def decoded(packets):
    try:
        async with contextlib.aclosing(packets):  # closing us closes what we read from
            async for packet in packets:
                yield packet.decode()
    finally:
        print("decoder: closed")


async def main():
    received = 0
    async with contextlib.aclosing(decoded(connection())) as messages:
        async for message in messages:
            print("received", message)
            received += 1
            if received == 3:
                break
    print("done with the connection")
    await asyncio.sleep(0.1)  # other work
    print("main finished")


asyncio.run(main())
