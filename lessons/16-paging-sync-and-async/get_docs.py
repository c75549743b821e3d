# One paginated API read two ways: a generator that blocks, and its async twin.
import asyncio
import os
import time

PAGES = [["a", "b", "c"], ["d", "e", "f"], ["g"]]  # what the server holds, page by page
ASYNC = os.environ.get("LS_ASYNC", "1") == "1"


def fetch_page(n):  # a blocking HTTP call; past the last page the server sends []
    print(f"fetching page {n}")
    time.sleep(0.1)
    return PAGES[n] if n < len(PAGES) else []


def get_docs():
    n = 0
    while page := fetch_page(n):  # an empty page: no more documents
        yield from page
        n += 1


async def fetch_page_async(n):  # the same call, awaited
    print(f"fetching page {n}")
    await asyncio.sleep(0.1)
    return PAGES[n] if n < len(PAGES) else []


async def get_docs_async():
    n = 0
    while page := await fetch_page_async(n):
        for doc in page:  # no "yield from" in an async generator
            yield doc
        n += 1


async def heartbeat():
    for i in range(9):
        print("heartbeat", i)
        await asyncio.sleep(0.05)


async def main():
    beat = asyncio.create_task(heartbeat(), name="heartbeat")
    if ASYNC:
        async for doc in get_docs_async():
            print("doc", doc)
    else:
        for doc in get_docs():  # the sync twin inside async code: every fetch blocks the loop
            print("doc", doc)
    await beat


asyncio.run(main())
