"""Objects that break when loopscope looks at them: the program must run as usual."""
import asyncio


class BadRepr:
    def __repr__(self):
        raise RuntimeError("no repr for you")


class Unhashable:
    __hash__ = None

    def __init__(self, log):
        self.log = log

    def __call__(self):
        self.log.append("called")


class ShyTask(asyncio.Task):
    def get_name(self):
        raise LookupError("nameless")


def values():
    yield BadRepr()
    yield 2


async def returns_bad():
    await asyncio.sleep(0)
    return BadRepr()


async def main():
    loop = asyncio.get_running_loop()
    log = []
    loop.call_soon(Unhashable(log))
    print(type(await returns_bad()).__name__)
    t = ShyTask(returns_bad(), loop=loop)
    print(type(await t).__name__)
    await asyncio.sleep(0)
    print(log, [type(v).__name__ for v in values()])


asyncio.run(main())
