# Wrong: only the connection is closed (by main); the decoder is left to the loop.
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
        async for packet in packets:
            yield packet.decode()
    finally:
        print("decoder: closed")


async def main():
    received = 0
    async with contextlib.aclosing(connection()) as conn:
        async for message in decoded(conn):
            print("received", message)
            received += 1
            if received == 3:
                break
    print("done with the connection")
    await asyncio.sleep(0.1)  # other work
    print("main finished")


asyncio.run(main())
