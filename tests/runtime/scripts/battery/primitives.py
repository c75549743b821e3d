"""Queue, Semaphore, Event, Lock."""
import asyncio


async def producer(q):
    for i in range(4):
        await q.put(i)
        print("put", i)
    await q.put(None)


async def consumer(q):
    while (item := await q.get()) is not None:
        print("got", item)
        q.task_done()
        await asyncio.sleep(0.001)
    q.task_done()


async def limited(sem, lock, n, log):
    async with sem:
        async with lock:
            log.append(n)
        await asyncio.sleep(0.005)


async def waiter(ev):
    print("waiting for event")
    await ev.wait()
    print("event seen")


async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))
    await q.join()
    sem, lock, log = asyncio.Semaphore(2), asyncio.Lock(), []
    await asyncio.gather(*(limited(sem, lock, n, log) for n in range(5)))
    print(sorted(log))
    ev = asyncio.Event()
    w = asyncio.create_task(waiter(ev))
    await asyncio.sleep(0.01)
    ev.set()
    await w


asyncio.run(main())
