import asyncio


async def worker(name, delay):
    print(f"{name} starts")
    await asyncio.sleep(delay)
    print(f"{name} done after {delay}")
    return name


async def main():
    results = await asyncio.gather(worker("a", 0.03), worker("b", 0.01), worker("c", 0.02))
    print("results", results)


asyncio.run(main())
