# An async generator that starts at most RATE calls per second, counting time already spent.
import asyncio
import os

RATE = float(os.environ.get("LS_RATE", "5"))  # calls per second
SLOW = os.environ.get("LS_SLOW", "1") == "1"  # call 2 takes longer
LIMITED = os.environ.get("LS_LIMITED", "1") == "1"  # off: the unlimited baseline


async def call_api(i):
    await asyncio.sleep(0.12 if SLOW and i == 2 else 0.02)  # the call itself
    return f"result {i}"


async def unlimited(n):  # the baseline: each call starts as soon as the last one ended
    for i in range(n):
        yield await call_api(i)


async def rate_limited(n):
    loop = asyncio.get_running_loop()
    interval = 1 / RATE
    next_start = loop.time()
    for i in range(n):
        pause = round(max(0.0, next_start - loop.time()), 2)  # whatever is left of the interval
        if i:
            print(f"pausing {pause:.2f} s")
        await asyncio.sleep(pause)
        next_start = loop.time() + interval
        yield await call_api(i)


async def main():
    calls = rate_limited(5) if LIMITED else unlimited(5)
    async for result in calls:
        print(result)


asyncio.run(main())
