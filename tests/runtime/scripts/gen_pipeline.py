"""A small generator pipeline and a generator driven by send()."""


def numbers(n):
    for i in range(n):
        yield i


def squares(items):
    for x in items:
        yield x * x


def running_total():
    total = 0
    while True:
        value = yield total
        total += value


for s in squares(numbers(3)):
    print("got", s)

acc = running_total()
next(acc)
for v in (5, 7):
    print("total", acc.send(v))
acc.close()
