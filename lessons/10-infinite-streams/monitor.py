# Exercise: stop at the first reading of 25 or more, with the sensor stopped before we report.
import asyncio


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
        if value > 25:
            break
    print("monitor done")


asyncio.run(main())
