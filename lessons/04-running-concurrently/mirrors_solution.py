# Reference solution: three tasks; wait for the first to finish, cancel the rest, wait for them.
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
    requests = [asyncio.create_task(fetch(mirror), name=mirror) for mirror in MIRRORS]
    done, pending = await asyncio.wait(requests, return_when=asyncio.FIRST_COMPLETED)
    print("got", done.pop().result())
    for request in pending:
        request.cancel()
    await asyncio.wait(pending)  # let them run their except blocks and end
    print("done")


asyncio.run(main())
