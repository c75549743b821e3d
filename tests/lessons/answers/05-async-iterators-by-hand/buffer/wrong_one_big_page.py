# Wrong: one round trip fetches every post: a buffer, but not a page of 3.
import asyncio

ITEMS = [f"post {i}" for i in range(9)]


class Feed:
    def __init__(self):
        self.buffer = None

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.buffer is None:
            await asyncio.sleep(0.05)
            self.buffer = list(ITEMS)
        if not self.buffer:
            raise StopAsyncIteration
        return self.buffer.pop(0)


async def main():
    async for post in Feed():
        print("got", post)


asyncio.run(main())
