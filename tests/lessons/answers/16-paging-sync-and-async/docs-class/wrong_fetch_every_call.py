# Wrong: asks for a page on every call and hands out its first document only.
import asyncio

PAGES = [["a", "b", "c"], ["d", "e", "f"], ["g", "h"], ["i"]]  # what the server holds


async def fetch_page(n):
    print(f"fetching page {n}")
    await asyncio.sleep(0.05)
    return PAGES[n] if n < len(PAGES) else []  # past the last page: an empty page


class Docs:
    def __init__(self):
        self.page = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        docs = await fetch_page(self.page)
        self.page += 1
        if not docs:
            raise StopAsyncIteration
        return docs[0]


async def main():
    async for doc in Docs():
        print("doc", doc)


asyncio.run(main())
