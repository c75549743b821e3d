"""Producer/consumer with a Queue: task_done and join, then the consumers are cancelled."""
import asyncio


async def producer(queue, n):
    for i in range(n):
        await queue.put(f"job{i}")
        print(f"put job{i}")
    print("producer done")


async def consumer(name, queue, handled):
    while True:
        job = await queue.get()
        await asyncio.sleep(0.01)
        handled.append((name, job))
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    handled = []
    consumers = [asyncio.create_task(consumer(f"c{i}", queue, handled), name=f"c{i}")
                 for i in range(2)]
    await producer(queue, 5)
    await queue.join()
    print("all jobs handled:", sorted(job for _, job in handled))
    for c in consumers:
        c.cancel()
    results = await asyncio.gather(*consumers, return_exceptions=True)
    print("consumers:", [type(r).__name__ for r in results])


asyncio.run(main())
