"""A TaskGroup where one child fails: its siblings are cancelled, the error comes out grouped."""
import asyncio


async def download(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ConnectionError(f"{name}: connection reset")
        print(f"{name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{name} was cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(download("fast", 0.01), name="fast")
            tg.create_task(download("broken", 0.05, fail=True), name="broken")
            tg.create_task(download("slow", 1.0), name="slow")
    except* ConnectionError as group:
        for exc in group.exceptions:
            print("caught:", exc)
    print("after the group")


asyncio.run(main())
