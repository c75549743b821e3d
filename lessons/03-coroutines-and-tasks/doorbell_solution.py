# Reference solution: wait() awaits a future; ring() resolves it and wakes every waiter at once.
import asyncio


class Doorbell:
    def __init__(self):
        self.rung = asyncio.get_running_loop().create_future()

    async def wait(self):
        return await self.rung  # suspends until someone calls set_result

    def ring(self, who):
        self.rung.set_result(who)


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
