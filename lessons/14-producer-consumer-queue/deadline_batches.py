# Exercise: close each batch 0.15 s after its first item, and keep collecting while a batch is stored.
import asyncio
import time


def store(batch):  # a blocking database write: runs in the executor
    time.sleep(0.3)
    print(f"stored {len(batch)}: {' '.join(batch)}")


async def producer(queue):
    for i in range(12):
        await asyncio.sleep(0.05)
        await queue.put(f"item{i}")


async def consumer(queue):
    loop = asyncio.get_running_loop()
    while True:
        batch = [await queue.get()]
        try:
            while len(batch) < 10:
                async with asyncio.timeout(0.15):  # 0.15 s for EACH item: a trickle never ends it
                    batch.append(await queue.get())
        except TimeoutError:
            pass
        await loop.run_in_executor(None, store, batch)  # nothing is collected meanwhile
        for _ in batch:
            queue.task_done()


async def main():
    queue = asyncio.Queue()
    worker = asyncio.create_task(consumer(queue), name="consumer")
    await producer(queue)
    await queue.join()  # every item marked done
    worker.cancel()
    print("all stored")


asyncio.run(main())
