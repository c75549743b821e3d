# Exercise: Countdown builds the whole list up front. Make it a lazy iterator class.
class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        numbers = []
        for n in range(self.start, 0, -1):
            print("  computing", n)
            numbers.append(n)
        return iter(numbers)  # everything computed before the loop body ever runs


for n in Countdown(3):
    print("body got", n)
print("liftoff")
