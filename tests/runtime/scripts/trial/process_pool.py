"""CPU-bound work sent to a ProcessPoolExecutor (the callable must be picklable)."""
import asyncio
import concurrent.futures


def crunch(n):
    return sum(i * i for i in range(n))


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        first = await loop.run_in_executor(pool, crunch, 100)
        print("first", first)
        results = await asyncio.gather(*(loop.run_in_executor(pool, crunch, n) for n in (10, 20, 30)))
    print("all", results)


if __name__ == "__main__":
    asyncio.run(main())
