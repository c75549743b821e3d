# Wrong: splits each chunk on its own, so a line cut between two chunks comes out in pieces.
import asyncio

TEXT = "id=1,name=ada\nid=2,name=grace\nid=3,name=linus"  # the last line has no newline


async def chunks(text, size):
    for i in range(0, len(text), size):
        await asyncio.sleep(0.02)
        print(f"chunks: {text[i:i + size]!r}")
        yield text[i:i + size]


async def lines(source):
    async for chunk in source:
        for line in chunk.split("\n"):
            if line:
                yield line


async def records(source):
    async for line in source:
        pairs = [field.split("=") for field in line.split(",")]
        yield dict(pairs)


async def main():
    async for record in records(lines(chunks(TEXT, 10))):
        print(f"record {record['id']}: {record['name']}")


asyncio.run(main())
