# Wrong: each task is awaited right after it is created: still one download at a time.
import asyncio


async def download(name, seconds):
    print(f"{name}: downloading")
    await asyncio.sleep(seconds)
    print(f"{name}: done")
    return name


async def main():
    results = []
    jobs = [("a.txt", 0.3), ("b.txt", 0.2), ("c.txt", 0.1)]
    for name, seconds in jobs:
        results.append(await asyncio.create_task(download(name, seconds)))
    print("all done:", results)


asyncio.run(main())
