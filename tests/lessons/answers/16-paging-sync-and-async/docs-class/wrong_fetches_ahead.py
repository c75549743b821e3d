# Wrong: fetches the next page as soon as the last document is taken, before it is needed.
import asyncio

PAGES = [["a", "b", "c"], ["d", "e", "f"], ["g", "h"], ["i"]]  # what the server holds


async def fetch_page(n):
    print(f"fetching page {n}")
    await asyncio.sleep(0.05)
    return PAGES[n] if n < len(PAGES) else []  # past the last page: an empty page


class Docs:
    def __init__(self):
        self.page = 0
        self.buffer = None

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.buffer is None:
            self.buffer = await fetch_page(self.page)
            self.page += 1
        if not self.buffer:
            raise StopAsyncIteration
        doc = self.buffer.pop(0)
        if not self.buffer:  # read ahead: fetch the next page right away
            self.buffer = await fetch_page(self.page)
            self.page += 1
        return doc


async def main():
    async for doc in Docs():
        print("doc", doc)


asyncio.run(main())
