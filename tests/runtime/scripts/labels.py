"""One task per kind of wait, to check the awaiting labels."""
import asyncio
import concurrent.futures
import time


def crunch():
    time.sleep(0.02)


def f():
    time.sleep(0.02)


async def w1():
    await asyncio.sleep(0.03)


async def on_queue(q):
    await q.get()


async def on_event(ev):
    await ev.wait()


async def on_lock(lock):
    await lock.acquire()


async def on_sem(sem):
    await sem.acquire()


async def reader():
    r, w = await asyncio.open_connection("127.0.0.1", PORT)
    await r.read(10)
    w.close()


async def serve(reader_, writer):
    await asyncio.sleep(0.02)
    writer.write(b"x")
    await writer.drain()
    writer.close()


async def main():
    global PORT
    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    PORT = server.sockets[0].getsockname()[1]
    q, ev, lock, sem = asyncio.Queue(), asyncio.Event(), asyncio.Lock(), asyncio.Semaphore(0)
    await lock.acquire()
    waits = [asyncio.create_task(c) for c in (on_queue(q), on_event(ev), on_lock(lock), on_sem(sem))]
    t = asyncio.create_task(w1(), name="w1")
    await t
    q.put_nowait(1)
    ev.set()
    lock.release()
    sem.release()
    await asyncio.gather(*waits, asyncio.sleep(0.01), asyncio.sleep(0.01))
    await asyncio.wait([asyncio.create_task(asyncio.sleep(0.01)) for _ in range(3)])
    await asyncio.to_thread(crunch)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        await asyncio.get_running_loop().run_in_executor(pool, f)
    await reader()
    await asyncio.sleep(0.3 / 3)  # computed delay: labelled like the source would read, 0.1
    server.close()
    await server.wait_closed()


asyncio.run(main())
