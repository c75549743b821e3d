# Right: a deadline computed once per batch bounds each get; a task per store marks its items.
import asyncio
import time


def store(batch):  # a blocking database write: runs in the executor
    time.sleep(0.3)
    print(f"stored {len(batch)}: {' '.join(batch)}")


async def producer(queue):
    for i in range(12):
        await asyncio.sleep(0.05)
        await queue.put(f"item{i}")


async def store_and_mark(queue, batch):
    await asyncio.get_running_loop().run_in_executor(None, store, batch)
    for _ in batch:
        queue.task_done()


async def consumer(queue):
    loop = asyncio.get_running_loop()
    stores = set()
    while True:
        batch = [await queue.get()]
        deadline = loop.time() + 0.15
        while len(batch) < 10:
            try:
                batch.append(await asyncio.wait_for(queue.get(), max(0.0, deadline - loop.time())))
            except TimeoutError:
                break
        task = asyncio.create_task(store_and_mark(queue, batch))
        stores.add(task)  # keep a reference until it is done
        task.add_done_callback(stores.discard)


async def main():
    queue = asyncio.Queue()
    worker = asyncio.create_task(consumer(queue), name="consumer")
    await producer(queue)
    await queue.join()  # every item marked done
    worker.cancel()
    print("all stored")


asyncio.run(main())
