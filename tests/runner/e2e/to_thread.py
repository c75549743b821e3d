import asyncio
import time


def crunch(n):
    time.sleep(0.05)
    return n * 2


async def main():
    result = await asyncio.to_thread(crunch, 21)
    print("result", result)


asyncio.run(main())
