# Prints 1000 lines (a few tasks print too), then dies of SIGKILL: nothing can be flushed.
import asyncio
import os
import signal


async def worker(n):
    await asyncio.sleep(0)
    print("task", n)


async def main():
    await asyncio.gather(*(worker(n) for n in range(3)))


for i in range(1000):
    print("line", i)
asyncio.run(main())
print("last words")
os.kill(os.getpid(), signal.SIGKILL)
