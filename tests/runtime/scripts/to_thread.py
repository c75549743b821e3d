"""A blocking function offloaded to a worker thread while a side task keeps ticking."""
import asyncio
import time


def crunch(n):
    print("crunch starts")
    time.sleep(0.1)
    print("crunch ends")
    return n * 2


async def side():
    for i in range(3):
        print(f"side {i}")
        await asyncio.sleep(0.02)


async def main():
    s = asyncio.create_task(side(), name="side")
    result = await asyncio.to_thread(crunch, 21)
    print("result", result)
    await s


asyncio.run(main())
