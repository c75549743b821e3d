"""A CPU-bound loop hogs the event loop; with sleep(0) it lets the other task in."""
import asyncio

log = []


def work(i):
    return sum(k * k for k in range(2000 + i))


async def crunch(label, steps, polite):
    total = 0
    for i in range(steps):
        total += work(i)
        log.append(label)
        if polite:
            await asyncio.sleep(0)
    return total


async def chatter(steps):
    for _ in range(steps):
        log.append("chat")
        await asyncio.sleep(0)


async def run(polite):
    log.clear()
    await asyncio.gather(crunch("cpu", 5, polite), chatter(5))
    print("polite" if polite else "greedy", " ".join(log))


async def main():
    await run(polite=False)
    await run(polite=True)


asyncio.run(main())
