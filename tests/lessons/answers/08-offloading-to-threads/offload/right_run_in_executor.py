# Right: run_in_executor on the default pool, awaited where the value is needed.
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
    loop = asyncio.get_running_loop()
    value = await loop.run_in_executor(None, slow_lookup, "abc")
    print("lookup:", value)
    await ticking


asyncio.run(main())
