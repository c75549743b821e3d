# Wrong: main closes db2 itself in its except block, after the error already got there.
import asyncio
import contextlib


@contextlib.asynccontextmanager
async def connection(name):
    print(f"{name}: connecting")
    await asyncio.sleep(0.1)
    yield name
    print(f"{name}: closing")
    await asyncio.sleep(0.05)
    print(f"{name}: closed")


async def main():
    async with connection("db1") as name:
        print("querying", name)
    try:
        async with connection("db2") as name:
            print("querying", name)
            raise ValueError("query failed")
    except ValueError as error:
        print("main caught:", error)
        print("db2: closing")
        print("db2: closed")


asyncio.run(main())
