"""Every way a generator ends: close() inside and outside try/finally, dropped while suspended,
a break out of a for loop, throw() caught and uncaught, a raise, yield from, StopIteration."""
import gc


def plain():
    yield 1
    yield 2


def guarded():
    try:
        yield "a"
        yield "b"
    finally:
        print("guarded finally")


def catcher():
    while True:
        try:
            yield "ready"
        except KeyError as exc:
            print("caught", exc)


def raiser():
    yield 1
    raise ValueError("from the generator")


def inner():
    yield "i1"
    return "inner result"


def outer():
    got = yield from inner()
    yield got


class Upto:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        if self.i == 99:
            raise RuntimeError("never")
        self.i += 1
        return self.i


g = plain()
print(next(g))
g.close()                      # no try: 3.13 runs nothing here
print("closed plain")
g = guarded()
print(next(g))
g.close()
print("closed guarded")
g = plain()
next(g)
del g                          # dropped while suspended: closed by its finalizer
print("dropped plain")
for x in plain():
    print("loop", x)
    break                      # the generator dies right after the loop
print("after break")
c = catcher()
next(c)
print(c.throw(KeyError("k")))
try:
    c.throw(ValueError("v"))
except ValueError:
    print("throw went through")
try:
    for x in raiser():
        print("raiser", x)
except ValueError as exc:
    print("raised", exc)
print(list(outer()))
print(list(Upto(3)))
gc.collect()
