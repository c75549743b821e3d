# Exercise: merge two streams so that each value is handed on as soon as it arrives.
import asyncio


async def stream(name, delays):
    for i, delay in enumerate(delays):
        await asyncio.sleep(delay)
        yield f"{name}{i}"


async def merge(a, b):
    async for value in a:  # all of a first: b's values wait, although they are ready
        yield value
    async for value in b:
        yield value


async def main():
    fast = stream("a", [0.1, 0.4, 0.1])  # arrives at 0.1, 0.5 and 0.6 s
    slow = stream("b", [0.3, 0.4])  # arrives at 0.3 and 0.7 s
    async for value in merge(fast, slow):
        print("got", value)
    print("merged everything")


asyncio.run(main())
