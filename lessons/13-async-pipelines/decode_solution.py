# Reference solution: an incremental decoder keeps the first half of a cut character for later.
import asyncio
import codecs

DATA = "zoë\njosé\nmaría\n".encode()  # ë, é and í take two bytes each


async def chunks(data, size):
    for i in range(0, len(data), size):
        await asyncio.sleep(0.02)
        print(f"chunks: {data[i:i + size]!r}")
        yield data[i:i + size]


async def text(source):  # bytes -> str
    decoder = codecs.getincrementaldecoder("utf-8")()
    async for chunk in source:
        piece = decoder.decode(chunk)  # holds back an unfinished character
        if piece:
            yield piece
    decoder.decode(b"", final=True)  # raises if the data ended inside a character


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
