# Wrong: lazy, but the test moved out of the loop by mistake: every number comes through.
def numbers(limit):
    for n in range(limit):
        print("  numbers: produced", n)
        yield n


def evens(source):
    for n in source:
        yield n


for n in evens(numbers(5)):
    print("got even", n)
