"""An async iterator class paging through a slow source, refilling its buffer only when empty."""
import asyncio

class Pages:
    def __init__(self, n):
        self.n, self.buf, self.page = n, [], 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if not self.buf:
            if self.page >= self.n:
                raise StopAsyncIteration
            await asyncio.sleep(0.001)
            self.page += 1
            self.buf = [f"p{self.page}a", f"p{self.page}b"]
        return self.buf.pop(0)

async def main():
    async for item in Pages(2):
        print(item)

asyncio.run(main())
