"""Old-style loop handling and a plain threading.Thread, as older tutorials show them."""
import asyncio
import threading


async def greet(name, delay):
    await asyncio.sleep(delay)
    print("hello", name)
    return name.upper()


def background(results):
    print("thread running in", threading.current_thread().name)
    results.append(sum(range(100)))


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(asyncio.gather(greet("x", 0.02), greet("y", 0.01))))
loop.call_later(0.01, print, "callback fired")
loop.run_until_complete(asyncio.sleep(0.02))
loop.close()

results = []
t = threading.Thread(target=background, args=(results,), name="helper")
t.start()
t.join()
print("thread result", results)
