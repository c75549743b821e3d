"""Breaking out of `async for`: the generator's finally runs later."""
import asyncio


async def readings():
    try:
        for i in range(10):
            await asyncio.sleep(0.001)
            yield i * 10
    finally:
        print("readings finally")


async def main():
    async for value in readings():
        print("value", value)
        if value == 20:
            break
    print("after break")
    await asyncio.sleep(0.01)


asyncio.run(main())
