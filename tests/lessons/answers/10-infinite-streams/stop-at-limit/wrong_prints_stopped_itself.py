# Wrong: prints the sensor's closing line from main instead of closing the sensor.
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
    async for value in sensor():
        print("reading", value)
        if value >= 25:
            break
    print("sensor: stopped")
    print("monitor done")


asyncio.run(main())
