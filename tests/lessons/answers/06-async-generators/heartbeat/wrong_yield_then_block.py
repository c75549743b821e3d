# Wrong: an extra sleep(0) after each value, but time.sleep still holds the loop for 50 ms.
import asyncio
import time


async def numbers(n):
    for i in range(n):
        time.sleep(0.05)
        yield i
        await asyncio.sleep(0)


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
