"""A pending task dropped without a reference: asyncio reports it when it is collected."""
import asyncio
import gc


async def forever(fut):
    await fut


async def main():
    loop = asyncio.get_running_loop()
    task = loop.create_task(forever(loop.create_future()))
    await asyncio.sleep(0)
    del task
    gc.collect()
    print("collected")


asyncio.run(main())
print("end")
