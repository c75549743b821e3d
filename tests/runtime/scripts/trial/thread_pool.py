"""to_thread and run_in_executor with a bounded pool of 2 workers."""
import asyncio
import concurrent.futures
import threading
import time

# Two resizes always run at once: a worker waits here for the other, so the pool cannot hand
# every job to one thread (which it does when a job ends before the next one is submitted,
# as on a busy machine).
both_busy = threading.Barrier(2, timeout=10)


def resize(image):
    both_busy.wait()
    time.sleep(0.02)
    return f"{image}-small"


def announce(msg):
    print("worker says:", msg)
    return len(msg)


async def main():
    loop = asyncio.get_running_loop()
    n = await asyncio.to_thread(announce, "hello from a thread")
    print("announce returned", n)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as pool:
        futures = [loop.run_in_executor(pool, resize, f"img{i}") for i in range(4)]
        results = await asyncio.gather(*futures)
    print(results)


asyncio.run(main())
