# Right: the blocking wait runs on a worker thread, so the generator suspends and the loop is free.
import asyncio
import time


async def numbers(n):
    for i in range(n):
        await asyncio.to_thread(time.sleep, 0.05)
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
