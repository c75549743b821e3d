# Wrong: closing moved into an except: a block that ends normally is never closed.
import asyncio
import contextlib


@contextlib.asynccontextmanager
async def connection(name):
    print(f"{name}: connecting")
    await asyncio.sleep(0.1)
    try:
        yield name
    except Exception:
        print(f"{name}: closing")
        await asyncio.sleep(0.05)
        print(f"{name}: closed")
        raise


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
