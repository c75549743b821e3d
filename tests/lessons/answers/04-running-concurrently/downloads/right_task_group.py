# Right: a TaskGroup runs the downloads; the results are read from the tasks afterwards.
import asyncio


async def download(name, seconds):
    print(f"{name}: downloading")
    await asyncio.sleep(seconds)
    print(f"{name}: done")
    return name


async def main():
    jobs = [("a.txt", 0.3), ("b.txt", 0.2), ("c.txt", 0.1)]
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(download(name, seconds)) for name, seconds in jobs]
    print("all done:", [task.result() for task in tasks])


asyncio.run(main())
