# Wrong: sleep(0) before each call gives the loop a turn but limits nothing.
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
        await asyncio.sleep(0)
        result = await call_api(self.i)
        self.i += 1
        return result


async def main():
    async for result in RateLimited(5):
        print(result)


asyncio.run(main())
