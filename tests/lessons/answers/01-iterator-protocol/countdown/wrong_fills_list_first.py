# Wrong: the first __next__ call computes every number into a list, so nothing is lazy.
class Countdown:
    def __init__(self, start):
        self.start = start
        self.numbers = None

    def __iter__(self):
        return self

    def __next__(self):
        if self.numbers is None:
            self.numbers = []
            for n in range(self.start, 0, -1):
                print("  computing", n)
                self.numbers.append(n)
        if not self.numbers:
            raise StopIteration
        return self.numbers.pop(0)


for n in Countdown(3):
    print("body got", n)
print("liftoff")
