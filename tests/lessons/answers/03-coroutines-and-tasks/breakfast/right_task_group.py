# Right: a TaskGroup starts both and waits for both when its block ends.
import asyncio


async def brew(what, seconds):
    print(f"{what}: start")
    await asyncio.sleep(seconds)
    print(f"{what}: ready")


async def main():
    async with asyncio.TaskGroup() as group:
        group.create_task(brew("toast", 0.3))
        group.create_task(brew("tea", 0.2))
    print("breakfast served")


asyncio.run(main())
