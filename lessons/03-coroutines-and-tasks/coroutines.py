# Coroutines do nothing until awaited or wrapped in a task; futures wake whoever awaits them.
import asyncio


async def greet(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: done")
    return name


class Later:
    """A hand-made awaitable: __await__ is a generator that yields a Future."""

    def __init__(self, delay):
        loop = asyncio.get_running_loop()
        self.future = loop.create_future()
        loop.call_later(delay, self.future.set_result, "resolved later")

    def __await__(self):
        result = yield from self.future  # the task suspends until the future is done
        return result


async def main():
    coro = greet("idle", 0.1)
    print("coroutine created, nothing ran:", type(coro).__name__)
    coro.close()  # never awaited: it never runs

    await greet("awaited", 0.1)  # runs inside main's own task
    task = asyncio.create_task(greet("background", 0.1), name="background")
    print("task scheduled, not started yet")
    print("the future says:", await Later(0.15))  # background runs meanwhile
    print("task result:", await task)


asyncio.run(main())
