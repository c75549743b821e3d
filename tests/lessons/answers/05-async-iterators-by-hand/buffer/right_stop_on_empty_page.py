# Right: fetch a page whenever the buffer is empty; a page that comes back empty ends the feed.
import asyncio

ITEMS = [f"post {i}" for i in range(9)]


async def fetch_page(start):
    await asyncio.sleep(0.05)  # one round trip
    return ITEMS[start:start + 3]


class Feed:
    def __init__(self):
        self.fetched = 0
        self.buffer = []

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.buffer:
            self.buffer = await fetch_page(self.fetched)
            self.fetched += len(self.buffer)
            if not self.buffer:
                raise StopAsyncIteration
        return self.buffer.pop(0)


async def main():
    async for post in Feed():
        print("got", post)


asyncio.run(main())
