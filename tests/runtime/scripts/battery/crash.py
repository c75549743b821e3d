"""An uncaught exception two calls deep, after some output."""
import asyncio


def parse(text):
    return int(text)


async def main():
    print("before")
    await asyncio.sleep(0.001)
    parse("not a number")


asyncio.run(main())
