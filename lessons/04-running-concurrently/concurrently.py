# gather, wait and as_completed: results order vs completion order.
import asyncio
import os

N = int(os.environ.get("LS_FETCHES", "3"))


async def fetch(i):
    await asyncio.sleep(0.1 * (N - i))  # the first one started finishes last
    print(f"fetch {i} finished")
    return i


async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(N)))
    print("gather results:", results)  # in the order you passed them

    tasks = [asyncio.create_task(fetch(i), name=f"f{i}") for i in range(N)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"wait: {len(done)} done, {len(pending)} pending")

    for next_done in asyncio.as_completed(pending):
        print("as_completed got", await next_done)  # in the order they finish


asyncio.run(main())
