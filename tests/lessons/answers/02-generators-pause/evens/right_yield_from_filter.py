# Right: yield from a lazy filter() over the source.
def numbers(limit):
    for n in range(limit):
        print("  numbers: produced", n)
        yield n


def evens(source):
    yield from filter(lambda n: n % 2 == 0, source)


for n in evens(numbers(5)):
    print("got even", n)
