"""Async generators and async iterators: awaits inside (no leave/enter), asend/athrow, aclose,
a break that leaves cleanup to asyncio, an exception out of __anext__."""
import asyncio


async def ticker(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            got = yield i
            if got:
                print("ticker got", got)
    finally:
        await asyncio.sleep(0)
        print("ticker cleaned up")


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.n == 0:
            raise StopAsyncIteration
        if self.n < 0:
            raise ValueError("negative")
        self.n -= 1
        return self.n


async def main():
    async for x in ticker(3):
        print("tick", x)
    t = ticker(5)
    print(await t.asend(None))
    print(await t.asend("hello"))
    await t.aclose()
    async for x in ticker(5):
        if x == 1:
            break
    await asyncio.sleep(0.01)
    print([x async for x in Countdown(3)])
    try:
        async for x in Countdown(-1):
            pass
    except ValueError as exc:
        print("countdown raised", exc)


asyncio.run(main())
