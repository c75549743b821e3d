import asyncio
import time


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.01)


async def blocker():
    time.sleep(0.1)
    print("blocked done")


async def main():
    await asyncio.gather(ticker(), blocker())


asyncio.run(main())
