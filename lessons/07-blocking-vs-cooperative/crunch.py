# Exercise: a CPU-bound loop starves the ticker. Make it share the loop.
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
    print("crunch done")


async def main():
    await asyncio.gather(ticker(), crunch())


asyncio.run(main())
