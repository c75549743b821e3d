"""asyncio.timeout cancels a slow call; the callee's cleanup still runs."""
import asyncio


async def slow_query():
    print("query started")
    try:
        await asyncio.sleep(2)
        print("query finished")  # never reached
    finally:
        print("query cleanup")


async def main():
    try:
        async with asyncio.timeout(0.05):
            await slow_query()
    except TimeoutError:
        print("gave up after 0.05 s")

    async with asyncio.timeout(1):
        await asyncio.sleep(0.01)
        print("quick one made it")


asyncio.run(main())
