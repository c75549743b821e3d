# Exercise: RateLimiter should await the wrapped awaitables at most RATE per second, then stop.
import asyncio

RATE = 5  # calls per second


async def call_api(i):
    await asyncio.sleep(0.02)
    return f"result {i}"


class RateLimiter:
    """Awaits the awaitables of any iterator, at most `rate` of them per second."""

    def __init__(self, awaitables, rate):
        self.awaitables = iter(awaitables)
        self.interval = 1 / rate

    def __aiter__(self):
        return self

    async def __anext__(self):
        awaitable = next(self.awaitables)  # at the end: StopIteration, here a RuntimeError
        return await awaitable


async def main():
    calls = (call_api(i) for i in range(5))  # coroutines: nothing runs until awaited
    try:
        async for result in RateLimiter(calls, RATE):
            print(result)
    except RuntimeError as error:  # what a StopIteration escaping a coroutine turns into
        print("the limiter crashed:", error)
        return
    print("all calls made")


asyncio.run(main())
