# Wrong: still polling, only more often: the guests keep waking up to look.
import asyncio


class Doorbell:
    def __init__(self):
        self.rung_by = None

    async def wait(self):
        while self.rung_by is None:
            await asyncio.sleep(0.005)
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
