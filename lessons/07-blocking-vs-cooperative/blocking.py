# The same work, blocking (time.sleep) or cooperative (await asyncio.sleep).
import asyncio
import os
import time

BLOCKING = os.environ.get("LS_BLOCKING", "1") == "1"
WORK = float(os.environ.get("LS_WORK", "0.3"))  # seconds of work, in three parts


async def ticker():
    for i in range(6):
        print("tick", i)
        await asyncio.sleep(0.05)


async def process():
    for part in range(3):
        if BLOCKING:
            time.sleep(WORK / 3)  # holds the loop: nobody else can run
        else:
            await asyncio.sleep(WORK / 3)  # gives the loop back while waiting
        print("processed part", part)


async def main():
    start = time.perf_counter()
    await asyncio.gather(ticker(), process())
    print(f"total {time.perf_counter() - start:.2f} s")


asyncio.run(main())
