# Wrong: one sleep(0) after the whole loop: the crunch still runs in one long step.
import asyncio


async def ticker():
    for i in range(6):
        print("tick", i)
        await asyncio.sleep(0.02)


async def crunch():
    total = 0
    for chunk in range(30):
        total += sum(range(300_000))  # some real CPU work
        if chunk % 10 == 9:
            print("crunched", chunk + 1, "chunks")
    await asyncio.sleep(0)
    print("crunch done")


async def main():
    await asyncio.gather(ticker(), crunch())


asyncio.run(main())
