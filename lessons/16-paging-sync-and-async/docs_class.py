# Exercise: Docs should fetch a page only when its buffer is empty, and stop at an empty page.
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

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.buffer:
            if self.page == 3:  # "there are three pages": only true of yesterday's server
                raise StopAsyncIteration
            self.buffer = await fetch_page(self.page)
            self.page += 1
        return self.buffer.pop(0)


async def main():
    async for doc in Docs():
        print("doc", doc)


asyncio.run(main())
