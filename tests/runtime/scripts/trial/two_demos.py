"""Two demos in one file, each with its own asyncio.run; the learner prints the loop itself."""
import asyncio


async def demo_one():
    loop = asyncio.get_running_loop()
    print("demo one on", type(loop).__name__, "running:", loop.is_running())
    await asyncio.sleep(0.01)


async def demo_two():
    print("demo two:", await asyncio.gather(asyncio.sleep(0.01, "a"), asyncio.sleep(0, "b")))


asyncio.run(demo_one())
asyncio.run(demo_two())
loop = asyncio.new_event_loop()
print(loop)
loop.close()
