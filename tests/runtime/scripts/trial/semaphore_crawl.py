"""A crawl limited to 2 requests in flight with a Semaphore."""
import asyncio

in_flight = 0
peak = 0


async def crawl(sem, page):
    global in_flight, peak
    async with sem:
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.01 * (page % 3 + 1))
        in_flight -= 1
    return page * 10


async def main():
    sem = asyncio.Semaphore(2)
    tasks = [asyncio.create_task(crawl(sem, p), name=f"page{p}") for p in range(6)]
    sizes = await asyncio.gather(*tasks)
    print("sizes", sizes)
    print("peak in flight:", peak)


asyncio.run(main())
