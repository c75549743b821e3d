# Right: an index into the current page instead of popping; an empty page sets a done flag.
import asyncio

PAGES = [["a", "b", "c"], ["d", "e", "f"], ["g", "h"], ["i"]]  # what the server holds


async def fetch_page(n):
    print(f"fetching page {n}")
    await asyncio.sleep(0.05)
    return PAGES[n] if n < len(PAGES) else []  # past the last page: an empty page


class Docs:
    def __init__(self):
        self.next_page = 0
        self.page, self.index = [], 0
        self.done = False

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.index == len(self.page) and not self.done:
            self.page, self.index = await fetch_page(self.next_page), 0
            self.next_page += 1
            self.done = not self.page
        if self.done:
            raise StopAsyncIteration
        self.index += 1
        return self.page[self.index - 1]


async def main():
    async for doc in Docs():
        print("doc", doc)


asyncio.run(main())
