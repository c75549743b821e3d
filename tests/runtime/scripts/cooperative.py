"""The same as blocking.py, with await asyncio.sleep instead of time.sleep."""
import asyncio


async def ticker():
    for i in range(3):
        print(f"tick {i}")
        await asyncio.sleep(0.02)


async def worker():
    for i in range(2):
        await asyncio.sleep(0.1)
        print(f"work {i}")
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(ticker(), worker())


asyncio.run(main())
