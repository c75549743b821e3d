# Right: as_completed hands over the first finished request; the rest are cancelled and gathered.
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
    requests = [asyncio.create_task(fetch(mirror)) for mirror in MIRRORS]
    for first in asyncio.as_completed(requests):
        print("got", await first)
        break
    for request in requests:
        request.cancel()  # a finished task ignores it
    await asyncio.gather(*requests, return_exceptions=True)
    print("done")


asyncio.run(main())
