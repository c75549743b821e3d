# Exercise: the heartbeat stops while the stream produces values. Find out why and fix it.
import asyncio
import time


async def numbers(n):
    for i in range(n):
        time.sleep(0.05)  # pretend to wait for the next value
        yield i


async def heartbeat():
    for i in range(5):
        print("heartbeat", i)
        await asyncio.sleep(0.05)


async def main():
    beat = asyncio.create_task(heartbeat(), name="heartbeat")
    async for value in numbers(5):
        print("got", value)
    await beat


asyncio.run(main())
