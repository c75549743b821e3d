# Reference solution: evens() yields each even number as soon as it has pulled it.
def numbers(limit):
    for n in range(limit):
        print("  numbers: produced", n)
        yield n


def evens(source):
    for n in source:
        if n % 2 == 0:
            yield n


for n in evens(numbers(5)):
    print("got even", n)
