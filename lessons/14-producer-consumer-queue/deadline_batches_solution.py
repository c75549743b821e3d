# Reference solution: one timeout around the whole batch; each store's done callback marks its items.
import asyncio
import time


def store(batch):  # a blocking database write: runs in the executor
    time.sleep(0.3)
    print(f"stored {len(batch)}: {' '.join(batch)}")


async def producer(queue):
    for i in range(12):
        await asyncio.sleep(0.05)
        await queue.put(f"item{i}")


def mark_done(queue, count):
    def callback(_future):  # runs on the loop once the store has finished
        for _ in range(count):
            queue.task_done()
    return callback


async def consumer(queue):
    loop = asyncio.get_running_loop()
    while True:
        batch = [await queue.get()]
        try:
            async with asyncio.timeout(0.15):  # one deadline for the whole batch
                while len(batch) < 10:
                    batch.append(await queue.get())
        except TimeoutError:
            pass
        stored = loop.run_in_executor(None, store, batch)  # not awaited: keep collecting
        stored.add_done_callback(mark_done(queue, len(batch)))


async def main():
    queue = asyncio.Queue()
    worker = asyncio.create_task(consumer(queue), name="consumer")
    await producer(queue)
    await queue.join()  # every item marked done, so every store finished
    worker.cancel()
    print("all stored")


asyncio.run(main())
