# Right: aclosing closes the connection as its block ends, still in main's task.
import contextlib
import asyncio


async def connection():
    print("connection: open")
    try:
        while True:
            await asyncio.sleep(0.02)
            yield "packet"
    finally:
        print("connection: closed")


async def main():
    async with contextlib.aclosing(connection()) as conn:
        for _ in range(3):
            print("received", await anext(conn))
    print("done with the connection")
    await asyncio.sleep(0.1)  # other work
    print("main finished")


asyncio.run(main())
