# Exercise: main stops after three messages, but neither generator is closed in time.
import asyncio


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
    async for message in decoded(connection()):
        print("received", message)
        received += 1
        if received == 3:
            break
    print("done with the connection")
    await asyncio.sleep(0.1)  # other work
    print("main finished")


asyncio.run(main())
