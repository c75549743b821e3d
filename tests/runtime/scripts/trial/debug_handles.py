"""asyncio debug mode: handles remember where they were created (shown in slow-step warnings)."""
import asyncio
import os


def where(handle):
    text = repr(handle)
    return os.path.basename(text.split(" created at ")[1].rstrip(">"))


async def main():
    loop = asyncio.get_running_loop()
    print("call_soon created at", where(loop.call_soon(print, "soon")))
    print("call_later created at", where(loop.call_later(0.01, print, "later")))
    await asyncio.sleep(0.02)


asyncio.run(main(), debug=True)
