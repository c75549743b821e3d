# An async iterator by hand: __aiter__, __anext__ and StopAsyncIteration over a paged source.
import asyncio
import os

PAGES = int(os.environ.get("LS_PAGES", "3"))
PER_PAGE = int(os.environ.get("LS_PER_PAGE", "3"))


class Pages:
    """Serves items from a buffer; awaits the slow source only when the buffer is empty."""

    def __init__(self, pages, per_page):
        self.pages, self.per_page = pages, per_page
        self.page = 0
        self.buffer = []

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.buffer:
            if self.page == self.pages:
                raise StopAsyncIteration  # ends the async for
            await self.fetch_page()  # the only place we suspend
        return self.buffer.pop(0)

    async def fetch_page(self):
        print(f"fetching page {self.page}")
        await asyncio.sleep(0.1)  # a slow network call
        self.buffer = [f"item {self.page}.{i}" for i in range(self.per_page)]
        self.page += 1


async def main():
    async for item in Pages(PAGES, PER_PAGE):
        print("got", item)


asyncio.run(main())
