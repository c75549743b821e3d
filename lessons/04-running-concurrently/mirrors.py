# Exercise: ask every mirror at once, use the first answer and cancel the others.
import asyncio

MIRRORS = {"eu": 0.3, "us": 0.2, "asia": 0.1}  # seconds each mirror takes to answer


async def fetch(mirror):
    print(f"{mirror}: asking")
    try:
        await asyncio.sleep(MIRRORS[mirror])
    except asyncio.CancelledError:
        print(f"{mirror}: cancelled")
        raise
    print(f"{mirror}: answered")
    return f"file from {mirror}"


async def main():
    for mirror in MIRRORS:  # one at a time, and the slow one first
        print("got", await fetch(mirror))
        break  # the first answer is all we need
    print("done")


asyncio.run(main())
