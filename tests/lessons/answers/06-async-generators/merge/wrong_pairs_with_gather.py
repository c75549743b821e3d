# Wrong: gathers the next value of both streams, so each pair waits for the slower one.
import asyncio


async def stream(name, delays):
    for i, delay in enumerate(delays):
        await asyncio.sleep(delay)
        yield f"{name}{i}"


async def merge(a, b):
    streams = [a, b]
    while streams:
        results = await asyncio.gather(*(anext(it, None) for it in streams))
        for it, value in list(zip(streams, results)):
            if value is None:
                streams.remove(it)
            else:
                yield value


async def main():
    fast = stream("a", [0.1, 0.4, 0.1])  # arrives at 0.1, 0.5 and 0.6 s
    slow = stream("b", [0.3, 0.4])  # arrives at 0.3 and 0.7 s
    async for value in merge(fast, slow):
        print("got", value)
    print("merged everything")


asyncio.run(main())
