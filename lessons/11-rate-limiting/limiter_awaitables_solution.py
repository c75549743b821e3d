# Reference solution: StopIteration becomes StopAsyncIteration; each call waits out the interval.
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
        self.next_start = None

    def __aiter__(self):
        return self

    async def __anext__(self):
        try:
            awaitable = next(self.awaitables)
        except StopIteration:
            raise StopAsyncIteration from None  # the async for's way to end
        loop = asyncio.get_running_loop()
        if self.next_start is not None:
            await asyncio.sleep(max(0.0, self.next_start - loop.time()))
        self.next_start = loop.time() + self.interval
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
