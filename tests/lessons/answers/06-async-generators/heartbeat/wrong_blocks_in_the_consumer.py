# Wrong: the time.sleep moved out of the generator into the consumer: the loop still blocks.
import asyncio
import time


async def numbers(n):
    for i in range(n):
        yield i


async def heartbeat():
    for i in range(5):
        print("heartbeat", i)
        await asyncio.sleep(0.05)


async def main():
    beat = asyncio.create_task(heartbeat(), name="heartbeat")
    async for value in numbers(5):
        time.sleep(0.05)
        print("got", value)
    await beat


asyncio.run(main())
