# Exercise: bytes arrive cut anywhere, even inside a character. Decode them as they stream.
import asyncio

DATA = "zoë\njosé\nmaría\n".encode()  # ë, é and í take two bytes each


async def chunks(data, size):
    for i in range(0, len(data), size):
        await asyncio.sleep(0.02)
        print(f"chunks: {data[i:i + size]!r}")
        yield data[i:i + size]


async def text(source):  # bytes -> str
    async for chunk in source:
        yield chunk.decode(errors="replace")  # a character cut in two comes out as "\ufffd"


async def lines(source):  # str -> lines
    pending = ""
    async for piece in source:
        pending += piece
        *complete, pending = pending.split("\n")
        for line in complete:
            yield line
    if pending:
        yield pending


async def main():
    async for name in lines(text(chunks(DATA, 3))):
        print("name:", name)


asyncio.run(main())
