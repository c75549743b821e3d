# Moving blocking calls to worker threads while a side task keeps ticking.
import asyncio
import os
import time
from concurrent.futures import ThreadPoolExecutor

WORKERS = int(os.environ.get("LS_WORKERS", "2"))
CPU = os.environ.get("LS_WORK", "io") == "cpu"


def blocking_read(n):
    if CPU:
        total = 0
        for i in range(2_000_000):  # CPU work in Python: holds the GIL, handing it over
            total += i              # every 5 ms (sys.getswitchinterval), so threads take turns
    else:
        time.sleep(0.15)  # waiting (disk, network, a legacy library): releases the GIL
    return f"data {n}"


async def side():
    for i in range(8):
        print("side tick", i)
        await asyncio.sleep(0.05)


async def main():
    ticking = asyncio.create_task(side(), name="side")
    print(await asyncio.to_thread(blocking_read, 1))  # the loop stays free

    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(WORKERS, thread_name_prefix="pool") as pool:  # lanes pool_0, ...
        jobs = [loop.run_in_executor(pool, blocking_read, n) for n in range(2, 6)]
        print(await asyncio.gather(*jobs))
    await ticking


asyncio.run(main())
