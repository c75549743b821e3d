"""A task exception that is never retrieved, a coroutine never awaited, a thread exception."""
import asyncio
import gc
import threading


async def boom():
    raise ValueError("nobody looks")


async def main():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    del t
    gc.collect()
    boom()
    gc.collect()


def thread_fail():
    raise OSError("thread broke")


asyncio.run(main())
th = threading.Thread(target=thread_fail, name="failing")
th.start()
th.join()
print("end")
