# Reference solution: gather runs the three downloads as tasks and keeps the results in order.
import asyncio


async def download(name, seconds):
    print(f"{name}: downloading")
    await asyncio.sleep(seconds)
    print(f"{name}: done")
    return name


async def main():
    jobs = [("a.txt", 0.3), ("b.txt", 0.2), ("c.txt", 0.1)]
    results = await asyncio.gather(*(download(name, seconds) for name, seconds in jobs))
    print("all done:", results)


asyncio.run(main())
