# Wrong: one context copied in main, before any request set its id: every lookup logs [-].
import asyncio
import contextvars
import time
from concurrent.futures import ThreadPoolExecutor

request_id = contextvars.ContextVar("request_id", default="-")


def lookup(key):  # a blocking library call that logs with the current request id
    time.sleep(0.1)
    print(f"[{request_id.get()}] looked up {key}")
    return key.upper()


CONTEXT = None


async def handle(n, pool):
    request_id.set(f"req-{n}")
    loop = asyncio.get_running_loop()
    result = await loop.run_in_executor(pool, CONTEXT.run, lookup, f"item{n}")
    print(f"[{request_id.get()}] answered {result}")


async def main():
    global CONTEXT
    CONTEXT = contextvars.copy_context()
    with ThreadPoolExecutor(2, thread_name_prefix="pool") as pool:  # at most two lookups at once
        await asyncio.gather(*(handle(n, pool) for n in range(4)))


asyncio.run(main())
