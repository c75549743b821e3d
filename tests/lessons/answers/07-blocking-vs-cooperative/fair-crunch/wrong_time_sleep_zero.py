# Wrong: time.sleep(0) between chunks does not suspend anything; the loop never gets a turn.
import asyncio


async def ticker():
    for i in range(6):
        print("tick", i)
        await asyncio.sleep(0.02)


import time


async def crunch():
    total = 0
    for chunk in range(30):
        total += sum(range(300_000))  # some real CPU work
        if chunk % 10 == 9:
            print("crunched", chunk + 1, "chunks")
        time.sleep(0)
    print("crunch done")


async def main():
    await asyncio.gather(ticker(), crunch())


asyncio.run(main())
