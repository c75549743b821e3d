"""Values whose repr is longer than a record keeps (cut at 80 characters with an ellipsis),
and one whose repr fails, yielded again and again from one `yield` of a generator and of an
async generator."""
import asyncio


class Stubborn:
    def __repr__(self):
        raise RuntimeError("no repr today")


VALUES = ["short", list(range(40)), "x" * 200, Stubborn(), "é" * 100, "done"]


def rows():
    for value in VALUES:
        yield value


async def pages():
    for value in VALUES:
        yield value


async def main():
    async for page in pages():
        print("page", type(page).__name__)


for row in rows():
    print("row", type(row).__name__)
asyncio.run(main())
