# Breaking out of async for: when does the generator's finally run, and in which task?
import asyncio
import contextlib
import os

ACLOSING = os.environ.get("LS_ACLOSING", "1") == "1"


async def numbers():
    try:
        for i in range(100):
            await asyncio.sleep(0.01)
            yield i
    finally:
        print("numbers: finally, cleaning up")  # closing a file, a connection...


async def main():
    if ACLOSING:
        async with contextlib.aclosing(numbers()) as stream:  # closes it at once
            async for n in stream:
                if n == 3:
                    break
    else:
        async for n in numbers():  # closed later, by the loop, in another task
            if n == 3:
                break
    print("after the loop")

    it = numbers()  # driving it by hand: you must close it yourself
    print("manual got", await it.__anext__())
    await it.aclose()
    print("manual done")
    await asyncio.sleep(0.05)


asyncio.run(main())
