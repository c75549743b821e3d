# Exercise: when the query fails, the connection is never closed. Close it whatever happens.
import asyncio
import contextlib


@contextlib.asynccontextmanager
async def connection(name):
    print(f"{name}: connecting")
    await asyncio.sleep(0.1)
    yield name  # the body of the async with runs here
    print(f"{name}: closing")  # skipped when the body raises
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


asyncio.run(main())
