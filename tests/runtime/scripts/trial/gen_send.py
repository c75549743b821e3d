"""A generator pipeline with send(): a running average fed by a filtering stage."""


def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


def readings():
    yield from [12, -1, 15, 9, -4, 18]


def valid(source):
    for r in source:
        if r >= 0:
            yield r


avg = averager()
next(avg)  # prime it
for r in valid(readings()):
    print(f"reading {r:>3} -> average {avg.send(r):.2f}")
avg.close()
