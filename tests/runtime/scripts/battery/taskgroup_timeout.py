"""TaskGroup, asyncio.timeout, cancellation and shield."""
import asyncio


async def child(n):
    await asyncio.sleep(0.01 * n)
    if n == 3:
        raise RuntimeError("child 3 broke")
    print("child", n, "done")
    return n


async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("sleeper cancelled")
        raise


async def main():
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(child(n)) for n in (1, 2)]
    print([t.result() for t in ts])
    try:
        async with asyncio.timeout(0.02):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout hit")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child(3))
            tg.create_task(sleeper())
    except* RuntimeError as eg:
        print("group failed:", [str(e) for e in eg.exceptions])
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled:", t.cancelled())
    print(await asyncio.shield(child(1)))


asyncio.run(main())
