# Reference solution: two tasks run side by side; main awaits both.
import asyncio


async def brew(what, seconds):
    print(f"{what}: start")
    await asyncio.sleep(seconds)
    print(f"{what}: ready")


async def main():
    tea = asyncio.create_task(brew("tea", 0.2), name="tea")
    toast = asyncio.create_task(brew("toast", 0.3), name="toast")
    await tea
    await toast
    print("breakfast served")


asyncio.run(main())
