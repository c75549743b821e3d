import asyncio


async def worker(name, delay):
    print(f"{name} start")
    await asyncio.sleep(delay)
    print(f"{name} done")
    return name


async def main():
    t1 = asyncio.create_task(worker("w1", 0.02), name="w1")
    t2 = asyncio.create_task(worker("w2", 0.01), name="w2")
    print(await asyncio.gather(t1, t2))


asyncio.run(main())
