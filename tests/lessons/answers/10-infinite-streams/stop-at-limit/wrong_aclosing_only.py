# Wrong: closes the sensor in time, but still reads one value too many (> instead of >=).
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
            if value > 25:
                break
    print("monitor done")


asyncio.run(main())
