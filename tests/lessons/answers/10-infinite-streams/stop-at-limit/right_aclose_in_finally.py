# Right: try/finally around the loop closes the sensor with aclose() before the report.
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
    feed = sensor()
    try:
        async for value in feed:
            print("reading", value)
            if value >= 25:
                break
    finally:
        await feed.aclose()
    print("monitor done")


asyncio.run(main())
