# Wrong: time.sleep spaces the calls but blocks the loop instead of awaiting.
import asyncio

RATE = 5  # calls per second


async def call_api(i):
    await asyncio.sleep(0.02)
    return f"result {i}"


import time


class RateLimited:
    def __init__(self, n):
        self.n, self.i = n, 0
        self.next_start = None

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i == self.n:
            raise StopAsyncIteration
        if self.next_start is not None:
            time.sleep(max(0.0, self.next_start - time.monotonic()))
        self.next_start = time.monotonic() + 1 / RATE
        result = await call_api(self.i)
        self.i += 1
        return result


async def main():
    async for result in RateLimited(5):
        print(result)


asyncio.run(main())
