# Wrong: concurrent, but as_completed collects the results in the order they finish.
import asyncio


async def download(name, seconds):
    print(f"{name}: downloading")
    await asyncio.sleep(seconds)
    print(f"{name}: done")
    return name


async def main():
    jobs = [("a.txt", 0.3), ("b.txt", 0.2), ("c.txt", 0.1)]
    results = []
    for finished in asyncio.as_completed([download(name, seconds) for name, seconds in jobs]):
        results.append(await finished)
    print("all done:", results)


asyncio.run(main())
