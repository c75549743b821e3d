# Exercise: make breakfast faster. Tea and toast do not need each other.
import asyncio


async def brew(what, seconds):
    print(f"{what}: start")
    await asyncio.sleep(seconds)
    print(f"{what}: ready")


async def main():
    await brew("tea", 0.2)
    await brew("toast", 0.3)
    print("breakfast served")


asyncio.run(main())
