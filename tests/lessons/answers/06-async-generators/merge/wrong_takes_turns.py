# Wrong: takes turns, one value from a, one from b: b1 comes before a2, which arrived first.
import asyncio


async def stream(name, delays):
    for i, delay in enumerate(delays):
        await asyncio.sleep(delay)
        yield f"{name}{i}"


async def merge(a, b):
    streams = [a, b]
    while streams:
        for it in list(streams):
            try:
                yield await anext(it)
            except StopAsyncIteration:
                streams.remove(it)


async def main():
    fast = stream("a", [0.1, 0.4, 0.1])  # arrives at 0.1, 0.5 and 0.6 s
    slow = stream("b", [0.3, 0.4])  # arrives at 0.3 and 0.7 s
    async for value in merge(fast, slow):
        print("got", value)
    print("merged everything")


asyncio.run(main())
