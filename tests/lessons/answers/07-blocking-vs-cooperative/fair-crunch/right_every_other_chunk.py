# Right: the loop is handed back every other chunk, before the work rather than after it.
import asyncio


async def ticker():
    for i in range(6):
        print("tick", i)
        await asyncio.sleep(0.02)


async def crunch():
    total = 0
    for chunk in range(30):
        if chunk % 2 == 0:
            await asyncio.sleep(0)
        total += sum(range(300_000))  # some real CPU work
        if chunk % 10 == 9:
            print("crunched", chunk + 1, "chunks")
    print("crunch done")


async def main():
    await asyncio.gather(ticker(), crunch())


asyncio.run(main())
