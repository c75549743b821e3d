# Wrong: gather asks all three at once but waits for every answer; nothing is cancelled.
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
    files = await asyncio.gather(*(fetch(mirror) for mirror in MIRRORS))
    print("got", files[-1])
    print("done")


asyncio.run(main())
