"""to_thread and run_in_executor with a bounded pool of 2 workers."""
import asyncio
import concurrent.futures
import time


def resize(image):
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
