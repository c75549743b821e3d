# Right: gather runs both brews as tasks (named Task-2 and Task-3, not tea and toast).
import asyncio


async def brew(what, seconds):
    print(f"{what}: start")
    await asyncio.sleep(seconds)
    print(f"{what}: ready")


async def main():
    await asyncio.gather(brew("tea", 0.2), brew("toast", 0.3))
    print("breakfast served")


asyncio.run(main())
