# An endless sensor feed, consumed until a condition holds, then stopped cleanly.
import asyncio
import contextlib
import os

LIMIT = int(os.environ.get("LS_LIMIT", "25"))


async def sensor():
    """Never ends by itself: there is no StopAsyncIteration here."""
    reading = 20
    try:
        while True:
            await asyncio.sleep(0.03)  # the next sample arrives
            reading += 1
            yield reading
    finally:
        print("sensor: stopped")


async def main():
    async with contextlib.aclosing(sensor()) as feed:
        async for value in feed:
            print("reading", value)
            if value >= LIMIT:
                print("limit reached")
                break
    print("monitor done")


asyncio.run(main())
