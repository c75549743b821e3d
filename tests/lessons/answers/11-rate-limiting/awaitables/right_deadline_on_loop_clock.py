# Right: next(it, None) marks the end; the pause waits until a deadline kept on the loop clock.
import asyncio

RATE = 5  # calls per second


async def call_api(i):
    await asyncio.sleep(0.02)
    return f"result {i}"


class RateLimiter:
    def __init__(self, awaitables, rate):
        self.awaitables = iter(awaitables)
        self.interval = 1 / rate
        self.deadline = 0.0

    def __aiter__(self):
        return self

    async def __anext__(self):
        awaitable = next(self.awaitables, None)
        if awaitable is None:
            raise StopAsyncIteration
        loop = asyncio.get_running_loop()
        wait = self.deadline - loop.time()
        if wait > 0:
            await asyncio.sleep(wait)
        self.deadline = loop.time() + self.interval
        return await awaitable


async def main():
    calls = (call_api(i) for i in range(5))  # coroutines: nothing runs until awaited
    async for result in RateLimiter(calls, RATE):
        print(result)
    print("all calls made")


asyncio.run(main())
