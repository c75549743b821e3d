# Wrong: prints the closing line itself; the generator is still left open.
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
    conn = connection()
    for _ in range(3):
        print("received", await conn.__anext__())
    print("connection: closed")
    print("done with the connection")
    await asyncio.sleep(0.1)  # other work
    print("main finished")


asyncio.run(main())
