# Reference solution: >= stops at the first reading of 25; aclosing stops the sensor at once.
import asyncio
import contextlib


async def sensor():
    reading = 20
    try:
        while True:
            await asyncio.sleep(0.03)
            reading += 1
            yield reading
    finally:
        print("sensor: stopped")


async def main():
    async with contextlib.aclosing(sensor()) as feed:
        async for value in feed:
            print("reading", value)
            if value >= 25:
                break
    print("monitor done")


asyncio.run(main())
