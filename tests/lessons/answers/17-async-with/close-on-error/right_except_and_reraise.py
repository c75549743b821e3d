# Right: catch everything at the yield, close, and raise it again; the normal path closes too.
import asyncio
import contextlib


async def close(name):
    print(f"{name}: closing")
    await asyncio.sleep(0.05)
    print(f"{name}: closed")


@contextlib.asynccontextmanager
async def connection(name):
    print(f"{name}: connecting")
    await asyncio.sleep(0.1)
    try:
        yield name
    except BaseException:
        await close(name)
        raise
    await close(name)


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
