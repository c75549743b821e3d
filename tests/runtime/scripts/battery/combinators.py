"""gather, wait, wait_for, as_completed: results and completion order."""
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    return name


async def main():
    print(await asyncio.gather(job("a", 0.02), job("b", 0.01)))
    print(await asyncio.gather(job("x", 0.01, fail=True), job("y", 0.02), return_exceptions=True))
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("p", 0.03), ("q", 0.01), ("r", 0.05))]
    done, pending = await asyncio.wait(tasks, timeout=0.04)
    print(sorted(t.result() for t in done), len(pending))
    for t in pending:
        t.cancel()
    try:
        await asyncio.wait_for(job("slow", 1.0), timeout=0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    for fut in asyncio.as_completed([job("m", 0.03), job("n", 0.01)]):
        print("as_completed", await fut)


asyncio.run(main())
