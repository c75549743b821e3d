# Producers and a batching consumer around an asyncio.Queue; batches stored in a worker thread.
import asyncio
import os
import time

PRODUCERS = int(os.environ.get("LS_PRODUCERS", "2"))
BATCH = int(os.environ.get("LS_BATCH", "3"))


def store(batch):  # a blocking database write: runs in the executor
    time.sleep(0.03)
    return len(batch)


async def producer(name, queue):
    for i in range(4):
        await asyncio.sleep(0.02)
        await queue.put(f"{name}-{i}")  # waits while the queue is full


async def consumer(queue):
    loop = asyncio.get_running_loop()
    while True:
        batch = [await queue.get()]
        try:
            while len(batch) < BATCH:
                async with asyncio.timeout(0.1):  # at most 0.1 s for the next item
                    batch.append(await queue.get())
        except TimeoutError:
            print(f"timeout: partial batch of {len(batch)}")
        stored = await loop.run_in_executor(None, store, batch)
        print(f"stored {stored}: {' '.join(batch)}")
        for _ in batch:
            queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=4)
    worker = asyncio.create_task(consumer(queue), name="consumer")
    await asyncio.gather(*(producer(f"p{k}", queue) for k in range(PRODUCERS)))
    await queue.join()  # every item stored
    worker.cancel()  # the consumer loops forever: stop it
    try:
        await worker
    except asyncio.CancelledError:
        print("consumer cancelled")


asyncio.run(main())
