# Reference solution: one pending __anext__ per stream, each in a task; hand on whichever is first.
import asyncio


async def stream(name, delays):
    for i, delay in enumerate(delays):
        await asyncio.sleep(delay)
        yield f"{name}{i}"


async def merge(a, b):
    pending = {asyncio.ensure_future(anext(it)): it for it in (a, b)}
    while pending:
        done, _ = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for future in done:
            it = pending.pop(future)
            try:
                value = future.result()
            except StopAsyncIteration:
                continue  # that stream is over
            pending[asyncio.ensure_future(anext(it))] = it
            yield value


async def main():
    fast = stream("a", [0.1, 0.4, 0.1])  # arrives at 0.1, 0.5 and 0.6 s
    slow = stream("b", [0.3, 0.4])  # arrives at 0.3 and 0.7 s
    async for value in merge(fast, slow):
        print("got", value)
    print("merged everything")


asyncio.run(main())
