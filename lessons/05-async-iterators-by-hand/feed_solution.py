# Reference solution: one round trip fetches a page of 3 items into a buffer.
import asyncio

ITEMS = [f"post {i}" for i in range(9)]
PAGE = 3


class Feed:
    def __init__(self):
        self.next_index = 0
        self.buffer = []

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.buffer:
            if self.next_index == len(ITEMS):
                raise StopAsyncIteration
            await asyncio.sleep(0.05)  # one round trip per page
            self.buffer = ITEMS[self.next_index:self.next_index + PAGE]
            self.next_index += len(self.buffer)
        return self.buffer.pop(0)


async def main():
    async for post in Feed():
        print("got", post)


asyncio.run(main())
