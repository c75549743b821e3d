# Right: __next__ keeps the value to hand out, steps the counter down, and stops at zero.
class Countdown:
    def __init__(self, start):
        self.remaining = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.remaining <= 0:
            raise StopIteration
        value = self.remaining
        self.remaining -= 1
        print("  computing", value)
        return value


for n in Countdown(3):
    print("body got", n)
print("liftoff")
