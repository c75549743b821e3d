# Wrong: sleep(0) gives the loop back for a moment, but the values no longer wait at all.
import asyncio


async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0)
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
