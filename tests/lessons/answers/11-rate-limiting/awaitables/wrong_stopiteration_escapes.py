# Wrong: limits the rate, but StopIteration still escapes the coroutine as RuntimeError.
import asyncio

RATE = 5  # calls per second


async def call_api(i):
    await asyncio.sleep(0.02)
    return f"result {i}"


class RateLimiter:
    def __init__(self, awaitables, rate):
        self.awaitables = iter(awaitables)
        self.interval = 1 / rate
        self.next_start = None

    def __aiter__(self):
        return self

    async def __anext__(self):
        loop = asyncio.get_running_loop()
        if self.next_start is not None:
            await asyncio.sleep(max(0.0, self.next_start - loop.time()))
        self.next_start = loop.time() + self.interval
        return await next(self.awaitables)


async def main():
    calls = (call_api(i) for i in range(5))  # coroutines: nothing runs until awaited
    async for result in RateLimiter(calls, RATE):
        print(result)
    print("all calls made")


asyncio.run(main())
