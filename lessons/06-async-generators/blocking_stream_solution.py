# Reference solution: awaiting asyncio.sleep suspends the generator and lets the heartbeat run.
import asyncio


async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0.05)  # suspends: the loop runs other tasks meanwhile
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
