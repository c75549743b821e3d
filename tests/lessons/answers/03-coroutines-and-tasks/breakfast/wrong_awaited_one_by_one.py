# Wrong: each task is awaited as soon as it is created, so toast still waits for the tea.
import asyncio


async def brew(what, seconds):
    print(f"{what}: start")
    await asyncio.sleep(seconds)
    print(f"{what}: ready")


async def main():
    await asyncio.create_task(brew("tea", 0.2), name="tea")
    await asyncio.create_task(brew("toast", 0.3), name="toast")
    print("breakfast served")


asyncio.run(main())
