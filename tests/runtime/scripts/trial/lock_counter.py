"""A shared counter: lost updates without a Lock, correct with one."""
import asyncio

counter = 0


async def unsafe_add(n):
    global counter
    for _ in range(n):
        value = counter
        await asyncio.sleep(0)  # another task runs here and reads the same value
        counter = value + 1


async def safe_add(lock, n):
    global counter
    for _ in range(n):
        async with lock:
            value = counter
            await asyncio.sleep(0)
            counter = value + 1


async def main():
    global counter
    await asyncio.gather(unsafe_add(5), unsafe_add(5))
    print("without lock:", counter)
    counter = 0
    lock = asyncio.Lock()
    await asyncio.gather(safe_add(lock, 5), safe_add(lock, 5))
    print("with lock:", counter)


asyncio.run(main())
