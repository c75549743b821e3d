# Wrong: stops at the first page shorter than three, as if a short page were the last.
import asyncio

PAGES = [["a", "b", "c"], ["d", "e", "f"], ["g", "h"], ["i"]]  # what the server holds


async def fetch_page(n):
    print(f"fetching page {n}")
    await asyncio.sleep(0.05)
    return PAGES[n] if n < len(PAGES) else []  # past the last page: an empty page


class Docs:
    def __init__(self):
        self.page = 0
        self.buffer = []
        self.last = False

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.buffer:
            if self.last:
                raise StopAsyncIteration
            self.buffer = await fetch_page(self.page)
            self.page += 1
            self.last = len(self.buffer) < 3
            if not self.buffer:
                raise StopAsyncIteration
        return self.buffer.pop(0)


async def main():
    async for doc in Docs():
        print("doc", doc)


asyncio.run(main())
