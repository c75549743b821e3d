# Wrong: a full 1/RATE pause before each call ignores the time the last call already took.
import asyncio

RATE = 5  # calls per second


async def call_api(i):
    await asyncio.sleep(0.02)
    return f"result {i}"


class RateLimited:
    def __init__(self, n):
        self.n, self.i = n, 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i == self.n:
            raise StopAsyncIteration
        if self.i:
            await asyncio.sleep(1 / RATE)
        result = await call_api(self.i)
        self.i += 1
        return result


async def main():
    async for result in RateLimited(5):
        print(result)


asyncio.run(main())
