# Wrong: stops at 25 now, but the sensor is left for the loop to close, in another task.
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
    print("monitor done")


asyncio.run(main())
