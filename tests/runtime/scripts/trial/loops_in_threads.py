"""Each of two threads runs its own asyncio.run; then the main thread runs one more."""
import asyncio
import threading


async def work(tag):
    for _ in range(2):
        await asyncio.sleep(0.01)
    return tag


def in_thread(results, tag):
    results.append(asyncio.run(work(tag)))


results = []
threads = [threading.Thread(target=in_thread, args=(results, f"t{i}")) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print(asyncio.run(work("main")))
