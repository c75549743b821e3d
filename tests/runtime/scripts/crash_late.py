"""Some tasks and prints, then an uncaught exception."""
import asyncio


async def helper(n):
    await asyncio.sleep(0.001)
    print("helper", n)


async def main():
    await asyncio.gather(helper(1), helper(2))
    raise RuntimeError("boom after work")


asyncio.run(main())
