"""A ticker task starved by a worker that blocks the loop with time.sleep."""
import asyncio
import time


async def ticker():
    for i in range(3):
        print(f"tick {i}")
        await asyncio.sleep(0.02)


async def worker():
    for i in range(2):
        time.sleep(0.1)
        print(f"work {i}")
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(ticker(), worker())


asyncio.run(main())
