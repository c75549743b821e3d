"""Producers and a batching consumer with a timeout, batches processed in an executor."""
import asyncio
import concurrent.futures


def process(batch):
    return sum(batch)


async def producer(q, start):
    for i in range(start, start + 5):
        await q.put(i)
        await asyncio.sleep(0.002)


async def consumer(q, pool, totals):
    loop = asyncio.get_running_loop()
    while True:
        batch = [await q.get()]
        try:
            while len(batch) < 4:
                batch.append(await asyncio.wait_for(q.get(), timeout=0.02))
        except asyncio.TimeoutError:
            pass
        totals.append(await loop.run_in_executor(pool, process, batch))
        for _ in batch:
            q.task_done()


async def main():
    q, totals = asyncio.Queue(), []
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        worker = asyncio.create_task(consumer(q, pool, totals))
        await asyncio.gather(producer(q, 0), producer(q, 100))
        await q.join()
        worker.cancel()
        try:
            await worker
        except asyncio.CancelledError:
            print("consumer cancelled")
    print("total", sum(totals))


asyncio.run(main())
