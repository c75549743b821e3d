"""Async generators: early break, aclose, aclosing, athrow."""
import asyncio
import contextlib


async def ticks(name, n):
    try:
        for i in range(n):
            await asyncio.sleep(0.001)
            yield f"{name}{i}"
    finally:
        print(name, "finally")


async def main():
    async for t in ticks("a", 5):
        print(t)
        if t == "a1":
            break
    await asyncio.sleep(0.01)
    g = ticks("b", 3)
    print(await g.__anext__())
    await g.aclose()
    async with contextlib.aclosing(ticks("c", 4)) as c:
        async for t in c:
            print(t)
            if t == "c0":
                break
    print([x async for x in ticks("d", 2)])


asyncio.run(main())
