# Iterable or iterator? A deck can be dealt again and again; a countdown runs only once.
import asyncio
from collections.abc import AsyncGenerator, AsyncIterable, AsyncIterator, Iterable, Iterator


class Deck:  # an iterable: each __iter__ call hands out a fresh iterator over the cards
    cards = ["A", "K", "Q"]

    def __iter__(self):
        return iter(self.cards)


class Countdown:  # an iterator: __iter__ returns self, so one pass uses it up
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current == 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


async def ticks(n):  # an async generator: AsyncIterable, AsyncIterator and AsyncGenerator
    for i in range(n):
        await asyncio.sleep(0.02)
        yield i


def kinds(obj, *abcs):
    return ", ".join(abc.__name__ for abc in abcs if isinstance(obj, abc)) or "none"


deck, countdown = Deck(), Countdown(3)
print("deck is:", kinds(deck, Iterable, Iterator))
print("countdown is:", kinds(countdown, Iterable, Iterator))
print("deck pass 1:", list(deck), "pass 2:", list(deck))
print("countdown pass 1:", list(countdown), "pass 2:", list(countdown))


async def main():
    stream = ticks(2)
    print("ticks() is:", kinds(stream, AsyncIterable, AsyncIterator, AsyncGenerator))
    print("ticks pass 1:", [t async for t in stream], "pass 2:", [t async for t in stream])


asyncio.run(main())
