# Prints numbered lines until it is killed.
import itertools
import time

for i in itertools.count():
    print("n", i)
    if i % 100 == 99:
        time.sleep(0.001)
