# Right: one future per waiting guest; ring() resolves every one of them.
import asyncio


class Doorbell:
    def __init__(self):
        self.waiters = []

    async def wait(self):
        future = asyncio.get_running_loop().create_future()
        self.waiters.append(future)
        return await future

    def ring(self, who):
        for future in self.waiters:
            future.set_result(who)


async def guest(name, bell):
    print(f"{name}: waiting at the door")
    who = await bell.wait()
    print(f"{name}: let in by {who}")


async def main():
    bell = Doorbell()
    guests = [asyncio.create_task(guest(name, bell), name=f"guest-{name}") for name in ("ann", "bob")]
    await asyncio.sleep(0.12)
    print("host: ringing")
    bell.ring("host")
    await asyncio.gather(*guests)


asyncio.run(main())
