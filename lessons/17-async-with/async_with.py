# async with: entering and leaving are awaited, so opening and closing may suspend.
import asyncio
import os

FAIL = os.environ.get("LS_FAIL", "1") == "1"  # the query inside the block raises


class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):  # awaited by "async with ... as conn"
        print(f"{self.name}: connecting")
        await asyncio.sleep(0.1)  # the handshake: other tasks run meanwhile
        return self

    async def __aexit__(self, exc_type, exc, tb):  # awaited when the block is left, however
        print(f"{self.name}: closing" + (f" after {exc_type.__name__}" if exc_type else ""))
        await asyncio.sleep(0.05)  # saying goodbye takes a round trip too
        print(f"{self.name}: closed")
        return False  # do not swallow the exception


async def ticker():
    for i in range(6):
        print("tick", i)
        await asyncio.sleep(0.05)


async def main():
    ticking = asyncio.create_task(ticker(), name="ticker")
    try:
        async with Connection("db") as conn:
            print("querying", conn.name)
            if FAIL:
                raise ValueError("query failed")
    except ValueError as error:
        print("main caught:", error)
    await ticking


asyncio.run(main())
