# Right: create every task first, then await them in order (the results keep that order).
import asyncio


async def download(name, seconds):
    print(f"{name}: downloading")
    await asyncio.sleep(seconds)
    print(f"{name}: done")
    return name


async def main():
    jobs = [("a.txt", 0.3), ("b.txt", 0.2), ("c.txt", 0.1)]
    tasks = [asyncio.create_task(download(name, seconds)) for name, seconds in jobs]
    results = [await task for task in tasks]
    print("all done:", results)


asyncio.run(main())
