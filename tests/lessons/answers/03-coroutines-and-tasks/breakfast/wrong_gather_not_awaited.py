# Wrong: gather is called but never awaited: main serves at once and the brews are cancelled.
import asyncio


async def brew(what, seconds):
    print(f"{what}: start")
    await asyncio.sleep(seconds)
    print(f"{what}: ready")


async def main():
    asyncio.gather(brew("tea", 0.2), brew("toast", 0.3))
    print("breakfast served")


asyncio.run(main())
