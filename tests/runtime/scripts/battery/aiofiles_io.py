"""aiofiles writing and reading a temporary file line by line."""
import asyncio
import os
import tempfile

import aiofiles


async def main():
    fd, path = tempfile.mkstemp(suffix=".log")
    os.close(fd)
    try:
        async with aiofiles.open(path, "w") as f:
            for i in range(3):
                await f.write(f"line {i}\n")
        async with aiofiles.open(path) as f:
            async for line in f:
                print("read", line.rstrip())
    finally:
        os.remove(path)


asyncio.run(main())
