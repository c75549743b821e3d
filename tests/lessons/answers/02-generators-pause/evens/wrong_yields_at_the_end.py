# Wrong: a generator, but it still collects every even number before yielding the first one.
def numbers(limit):
    for n in range(limit):
        print("  numbers: produced", n)
        yield n


def evens(source):
    result = [n for n in source if n % 2 == 0]
    yield from result


for n in evens(numbers(5)):
    print("got even", n)
