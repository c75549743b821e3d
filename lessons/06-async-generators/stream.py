# An async generator consumed with async for while background tasks keep running.
import asyncio
import os

BACKGROUND = int(os.environ.get("LS_BACKGROUND", "2"))


async def readings(n):
    for i in range(n):
        await asyncio.sleep(0.05)  # waiting for the sensor: other tasks run now
        yield i * i


async def background(name):
    for i in range(4):
        print(f"{name} tick {i}")
        await asyncio.sleep(0.06)


async def main():
    others = [asyncio.create_task(background(f"bg{k}"), name=f"bg{k}") for k in range(BACKGROUND)]
    async for value in readings(5):
        print("consumer got", value)
    await asyncio.gather(*others)


asyncio.run(main())
