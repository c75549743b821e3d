"""Runners wait for a starting Event; the starter sets it after a countdown."""
import asyncio


async def runner(name, start, finish):
    print(f"{name} ready")
    await start.wait()
    await asyncio.sleep(finish)
    print(f"{name} crossed the line")
    return name


async def starter(start):
    for n in (3, 2, 1):
        print(n)
        await asyncio.sleep(0.01)
    print("go!")
    start.set()


async def main():
    start = asyncio.Event()
    runners = [asyncio.create_task(runner(n, start, f), name=n)
               for n, f in (("ann", 0.03), ("bob", 0.01), ("cy", 0.02))]
    await starter(start)
    order = []
    for done in asyncio.as_completed(runners):
        order.append(await done)
    print("podium:", order)


asyncio.run(main())
