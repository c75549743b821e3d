# Exercise: evens() builds a whole list. Make it a generator stage of the pipeline.
def numbers(limit):
    for n in range(limit):
        print("  numbers: produced", n)
        yield n


def evens(source):
    result = []
    for n in source:
        if n % 2 == 0:
            result.append(n)
    return result


for n in evens(numbers(5)):
    print("got even", n)
