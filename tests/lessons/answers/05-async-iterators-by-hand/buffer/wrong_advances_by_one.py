# Wrong: a page of 3 is fetched, but the index moves on by one post, so posts repeat.
import asyncio

ITEMS = [f"post {i}" for i in range(9)]


class Feed:
    def __init__(self):
        self.next_index = 0
        self.buffer = []

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.buffer:
            if self.next_index >= len(ITEMS):
                raise StopAsyncIteration
            await asyncio.sleep(0.05)
            self.buffer = ITEMS[self.next_index:self.next_index + 3]
            self.next_index += 1
        return self.buffer.pop(0)


async def main():
    async for post in Feed():
        print("got", post)


asyncio.run(main())
