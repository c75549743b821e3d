# Wrong: closes it, but only after saying it is done with it.
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
    print("done with the connection")
    await conn.aclose()
    await asyncio.sleep(0.1)  # other work
    print("main finished")


asyncio.run(main())
