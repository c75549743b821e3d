# Wrong: sleeps long enough on this machine instead of waiting for the queue to drain.
import asyncio


async def producer(queue):
    for i in range(7):
        await asyncio.sleep(0.01)
        await queue.put(i)


async def consumer(queue, totals):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.03)  # slower than the producer
        totals.append(item)
        print("stored", item)
        queue.task_done()


async def main():
    queue, totals = asyncio.Queue(), []
    worker = asyncio.create_task(consumer(queue, totals), name="consumer")
    await producer(queue)
    await asyncio.sleep(0.5)
    worker.cancel()
    try:
        await worker
    except asyncio.CancelledError:
        print("consumer cancelled")
    print("total stored", len(totals))


asyncio.run(main())
