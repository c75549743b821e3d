# Wrong: ends cleanly now, but nothing limits the rate.
import asyncio

RATE = 5  # calls per second


async def call_api(i):
    await asyncio.sleep(0.02)
    return f"result {i}"


class RateLimiter:
    def __init__(self, awaitables, rate):
        self.awaitables = iter(awaitables)
        self.interval = 1 / rate

    def __aiter__(self):
        return self

    async def __anext__(self):
        try:
            awaitable = next(self.awaitables)
        except StopIteration:
            raise StopAsyncIteration
        return await awaitable


async def main():
    calls = (call_api(i) for i in range(5))  # coroutines: nothing runs until awaited
    async for result in RateLimiter(calls, RATE):
        print(result)
    print("all calls made")


asyncio.run(main())
