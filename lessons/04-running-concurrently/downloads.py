# Exercise: three downloads, one after the other. Run them concurrently.
import asyncio


async def download(name, seconds):
    print(f"{name}: downloading")
    await asyncio.sleep(seconds)
    print(f"{name}: done")
    return name


async def main():
    results = []
    for name, seconds in [("a.txt", 0.3), ("b.txt", 0.2), ("c.txt", 0.1)]:
        results.append(await download(name, seconds))
    print("all done:", results)


asyncio.run(main())
