"""Iterator protocol by hand, generators with send/throw/close, yield from, genexpr."""


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


def inner():
    yield 1
    yield 2
    return "inner done"


def outer():
    result = yield from inner()
    print("outer got", result)
    yield 3


def guarded():
    try:
        while True:
            try:
                yield "ok"
            except ValueError as exc:
                print("caught", exc)
    finally:
        print("guarded closed")


print(list(Countdown(3)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "exhausted"))
print(list(outer()))
g = guarded()
print(next(g))
print(g.throw(ValueError("bad")))
g.close()
print(sum(x * x for x in range(5)))
