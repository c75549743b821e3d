"""A class-based iterator (a countdown) and an iterable that makes fresh iterators."""


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class Deck:
    def __init__(self, cards):
        self.cards = cards

    def __iter__(self):
        return iter(self.cards)


for n in Countdown(3):
    print(n)
print("liftoff")

it = Countdown(2)
print(next(it), next(it), next(it, "empty"))

deck = Deck(["A", "K", "Q"])
print(list(deck), list(deck))
print(sum(Countdown(4)))
