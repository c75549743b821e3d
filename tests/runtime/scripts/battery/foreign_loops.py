"""Handles run by loops that are not the runtime's: a plain SelectorEventLoop made directly,
and a Mock loop (as asyncio's own tests do). Both must behave exactly as without loopscope."""
import asyncio
from unittest import mock


def fails():
    raise ValueError("from a callback")


async def main():
    try:
        await asyncio.sleep(0)
        raise KeyError("in a task")
    except KeyError as exc:
        print("context:", repr(exc.__context__))


loop = asyncio.SelectorEventLoop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()

fake = mock.Mock()
fake.get_debug.return_value = False
asyncio.Handle(fails, (), fake)._run()
print("exception handler called:", fake.call_exception_handler.called)
context = fake.call_exception_handler.call_args[0][0]
print("with:", context["message"].split(" ")[0], type(context["exception"]).__name__,
      repr(context["exception"].__context__))
