"""Child of test_accel: tasks suspended in every kind of wait this runtime labels; for each, the
C twin of walk_await_chain and labels.py's own must return the same (line, frame). Prints, as
JSON, one row per task: its name, both answers and the label frame's qualname."""
import asyncio
import json
import os
import sys
import time

sys.path.insert(0, sys.argv[1])
from loopscope_runtime import labels, stream, user_code   # noqa: E402

user_code.set_script(os.path.abspath(__file__))


async def sleeper():
    await asyncio.sleep(10)


async def nested():
    await sleeper()


async def locked(lock):
    async with lock:
        pass


async def queue_get(queue):
    await queue.get()


async def event_wait(event):
    await event.wait()


async def ticks():
    yield 1
    await asyncio.sleep(10)
    yield 2


async def async_for():
    async for _ in ticks():
        pass


async def gathered():
    await asyncio.gather(sleeper(), sleeper())


async def waited_for():
    await asyncio.wait_for(sleeper(), 10)


async def future_wait():
    await asyncio.get_running_loop().create_future()


async def task_group():
    async with asyncio.TaskGroup() as group:
        group.create_task(sleeper())


async def in_thread():
    await asyncio.to_thread(time.sleep, 0.3)


async def ready_again():
    await asyncio.sleep(0)
    await asyncio.sleep(10)


def describe(answer):
    line, frame = answer
    return [line, frame.f_code.co_qualname if frame is not None else None, id(frame)]


async def main():
    lock, event, queue = asyncio.Lock(), asyncio.Event(), asyncio.Queue()
    await lock.acquire()
    made = {
        'sleeper': sleeper(), 'nested': nested(), 'locked': locked(lock),
        'queue_get': queue_get(queue), 'event_wait': event_wait(event),
        'async_for': async_for(), 'gathered': gathered(), 'waited_for': waited_for(),
        'future_wait': future_wait(), 'task_group': task_group(), 'in_thread': in_thread(),
        'ready_again': ready_again(),
        'library': asyncio.sleep(10),          # a coroutine of asyncio itself
    }
    tasks = {name: asyncio.ensure_future(coro) for name, coro in made.items()}
    await asyncio.sleep(0.05)
    rows = []
    for name, task in tasks.items():
        coro = task.get_coro()
        rows.append({'name': name, 'c': describe(labels.walk_await_chain(coro)),
                     'python': describe(labels.py_walk_await_chain(coro))})
    for task in tasks.values():
        task.cancel()
    await asyncio.gather(*tasks.values(), return_exceptions=True)
    print(json.dumps({'accel': labels.walk_await_chain is not labels.py_walk_await_chain,
                      'rows': rows}))


if __name__ == '__main__':
    asyncio.run(main())
