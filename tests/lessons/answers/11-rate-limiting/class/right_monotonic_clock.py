# Right: after each call, sleep for the rest of the interval that began when the call started.
import asyncio

RATE = 5  # calls per second


async def call_api(i):
    await asyncio.sleep(0.02)
    return f"result {i}"


import time


class RateLimited:
    def __init__(self, n):
        self.n, self.i = n, 0
        self.started = None

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i == self.n:
            raise StopAsyncIteration
        if self.started is not None:
            left = self.started + 1 / RATE - time.monotonic()
            await asyncio.sleep(max(0.0, left))
        self.started = time.monotonic()
        result = await call_api(self.i)
        self.i += 1
        return result


async def main():
    async for result in RateLimited(5):
        print(result)


asyncio.run(main())
