# Exercise: the guests keep checking whether the bell rang. Let them wait on a future instead.
import asyncio


class Doorbell:
    def __init__(self):
        self.rung_by = None

    async def wait(self):
        while self.rung_by is None:  # polling: wake up every 50 ms to look
            await asyncio.sleep(0.05)
        return self.rung_by

    def ring(self, who):
        self.rung_by = who


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
