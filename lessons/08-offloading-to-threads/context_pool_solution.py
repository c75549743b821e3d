# Reference solution: copy the task's context and run the lookup inside it on the pool's thread.
import asyncio
import contextvars
import time
from concurrent.futures import ThreadPoolExecutor

request_id = contextvars.ContextVar("request_id", default="-")


def lookup(key):  # a blocking library call that logs with the current request id
    time.sleep(0.1)
    print(f"[{request_id.get()}] looked up {key}")
    return key.upper()


async def handle(n, pool):
    request_id.set(f"req-{n}")
    loop = asyncio.get_running_loop()
    context = contextvars.copy_context()  # this task's variables, request_id included
    result = await loop.run_in_executor(pool, context.run, lookup, f"item{n}")
    print(f"[{request_id.get()}] answered {result}")


async def main():
    with ThreadPoolExecutor(2, thread_name_prefix="pool") as pool:  # at most two lookups at once
        await asyncio.gather(*(handle(n, pool) for n in range(4)))


asyncio.run(main())
