# Wrong: the side task is awaited first; the lookup only starts once the ticking is over.
import asyncio
import time


def slow_lookup(key):
    time.sleep(0.2)  # a blocking library call you cannot change
    return key.upper()


async def side():
    for i in range(5):
        print("side tick", i)
        await asyncio.sleep(0.05)


async def main():
    ticking = asyncio.create_task(side(), name="side")
    await asyncio.sleep(0)  # let the side task start
    await ticking
    print("lookup:", await asyncio.to_thread(slow_lookup, "abc"))


asyncio.run(main())
