# Chained async generators: chunks -> lines -> records, one item at a time.
import asyncio
import os

TEXT = "id=1,name=ada\nid=2,name=grace\nid=3,name=linus\n"
CHUNK = int(os.environ.get("LS_CHUNK", "10"))


async def chunks(text, size):  # bytes arriving from the network, cut anywhere
    for i in range(0, len(text), size):
        await asyncio.sleep(0.02)
        print(f"chunks: {text[i:i + size]!r}")
        yield text[i:i + size]


async def lines(source):  # joins lines that were split across chunks
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
        pairs = [field.split("=") for field in line.split(",")]
        yield dict(pairs)


async def main():
    async for record in records(lines(chunks(TEXT, CHUNK))):
        print(f"record {record['id']}: {record['name']}")


asyncio.run(main())
