# Exercise: this feed asks the slow source for every single item. Buffer a page at a time.
import asyncio

ITEMS = [f"post {i}" for i in range(9)]


class Feed:
    def __init__(self):
        self.next_index = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.next_index == len(ITEMS):
            raise StopAsyncIteration
        await asyncio.sleep(0.05)  # one round trip per item: slow
        item = ITEMS[self.next_index]
        self.next_index += 1
        return item


async def main():
    async for post in Feed():
        print("got", post)


asyncio.run(main())
