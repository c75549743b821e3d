# Wrong: the stop test comes one step late, so the loop body also gets 0.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current < 0:
            raise StopIteration
        print("  computing", self.current)
        self.current -= 1
        return self.current + 1


for n in Countdown(3):
    print("body got", n)
print("liftoff")
