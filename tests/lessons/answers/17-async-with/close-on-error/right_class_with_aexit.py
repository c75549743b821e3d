# Right: a class whose __aexit__ closes the connection and returns False, so the error goes on.
import asyncio


class connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print(f"{self.name}: connecting")
        await asyncio.sleep(0.1)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print(f"{self.name}: closing")
        await asyncio.sleep(0.05)
        print(f"{self.name}: closed")
        return False


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
