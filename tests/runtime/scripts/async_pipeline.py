"""Three chained async generators and a consumer, with a background task ticking beside them:
stages take turns, one frame running at a time; the source's awaits let the ticker run."""
import asyncio


async def chunks(text, size):
    for i in range(0, len(text), size):
        await asyncio.sleep(0.002)
        yield text[i:i + size]


async def lines(source):
    pending = ""
    async for chunk in source:
        pending += chunk
        *complete, pending = pending.split("\n")
        for line in complete:
            yield line
    if pending:
        yield pending


async def records(source):
    async for line in source:
        yield dict(field.split("=") for field in line.split(","))


async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0.003)


async def main():
    background = asyncio.create_task(ticker())
    async for record in records(lines(chunks("id=1,name=ada\nid=2,name=grace\nid=3", 7))):
        print("record", record["id"])
    await background


asyncio.run(main())
