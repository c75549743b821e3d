# Wrong: pages are buffered, but every call still makes a round trip before serving.
import asyncio

ITEMS = [f"post {i}" for i in range(9)]


class Feed:
    def __init__(self):
        self.next_index = 0
        self.buffer = []

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.buffer and self.next_index == len(ITEMS):
            raise StopAsyncIteration
        await asyncio.sleep(0.05)
        if not self.buffer:
            self.buffer = ITEMS[self.next_index:self.next_index + 3]
            self.next_index += len(self.buffer)
        return self.buffer.pop(0)


async def main():
    async for post in Feed():
        print("got", post)


asyncio.run(main())
