# Right: two pump tasks feed one queue; merge yields from the queue until both pumps are done.
import asyncio


async def stream(name, delays):
    for i, delay in enumerate(delays):
        await asyncio.sleep(delay)
        yield f"{name}{i}"


async def merge(a, b):
    queue = asyncio.Queue()
    done = object()

    async def pump(it):
        async for value in it:
            await queue.put(value)
        await queue.put(done)

    pumps = [asyncio.create_task(pump(it)) for it in (a, b)]
    finished = 0
    while finished < len(pumps):
        value = await queue.get()
        if value is done:
            finished += 1
        else:
            yield value


async def main():
    fast = stream("a", [0.1, 0.4, 0.1])  # arrives at 0.1, 0.5 and 0.6 s
    slow = stream("b", [0.3, 0.4])  # arrives at 0.3 and 0.7 s
    async for value in merge(fast, slow):
        print("got", value)
    print("merged everything")


asyncio.run(main())
