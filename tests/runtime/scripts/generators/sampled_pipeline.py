"""A pipeline long enough to be sampled (more than 2000 steps per stage), ended by a break."""


def numbers():
    n = 0
    while True:
        yield n
        n += 1


def squares(source):
    for x in source:
        yield x * x


total = 0
for i, s in enumerate(squares(numbers())):
    total += s
    if i == 4500:
        break
print("total", total)
