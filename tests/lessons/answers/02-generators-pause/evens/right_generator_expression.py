# Right: evens() returns a generator expression, which pulls one number at a time as well.
def numbers(limit):
    for n in range(limit):
        print("  numbers: produced", n)
        yield n


def evens(source):
    return (n for n in source if n % 2 == 0)


for n in evens(numbers(5)):
    print("got even", n)
