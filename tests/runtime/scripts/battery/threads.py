"""to_thread and run_in_executor with a ThreadPoolExecutor; an exception from a worker."""
import asyncio
import concurrent.futures
import time


def blocking(n):
    time.sleep(0.01)
    return n * n


def broken():
    raise KeyError("missing")


async def main():
    print(await asyncio.to_thread(blocking, 3))
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, blocking, n) for n in range(4)))
    print(results)
    print(await loop.run_in_executor(None, blocking, 5))
    try:
        await asyncio.to_thread(broken)
    except KeyError as exc:
        print("worker raised", repr(exc))


asyncio.run(main())
