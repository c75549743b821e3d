# The iterator protocol by hand: a class that reads a file one line per __next__ call.
import time

POEM = "poem.txt"  # beside the program: it runs in the lesson folder, edited or not


class Lines:
    """Iterates over a file's lines lazily: nothing is read ahead."""

    def __init__(self, path):
        self.file = open(path)

    def __iter__(self):
        return self

    def __next__(self):
        text = self.file.readline()
        if not text:
            self.file.close()
            raise StopIteration  # this is how a for loop learns it is over
        print("  __next__ read:", text.strip())
        return text.strip()


print("-- a for loop --")
for line in Lines(POEM):
    print("body got:", line)
    time.sleep(0.02)  # the body's own work: a visible gap between two __next__ calls

print("-- the same loop by hand --")
it = iter(Lines(POEM))  # calls __iter__
while True:
    try:
        line = next(it)  # calls __next__
    except StopIteration:
        print("StopIteration: the loop ends")
        break
    print("body got:", line)
    time.sleep(0.02)
