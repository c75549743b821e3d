"""An async generator pipeline: early break, and contextlib.aclosing for prompt cleanup."""
import asyncio
import contextlib


async def ticks(n):
    try:
        for i in range(n):
            await asyncio.sleep(0.005)
            yield i
    finally:
        print(f"ticks({n}) cleaned up")


async def evens(source):
    async for x in source:
        if x % 2 == 0:
            yield x


async def main():
    async with contextlib.aclosing(ticks(10)) as src:
        async for x in evens(src):
            print("even", x)
            if x >= 4:
                break
    print("after aclosing block")

    async for x in ticks(3):
        print("tick", x)
    print("loop over ticks(3) ended")


asyncio.run(main())
