# Generators pause at yield and keep their locals until the consumer asks for more.
import time

POEM = "poem.txt"  # beside the program: it runs in the lesson folder, edited or not


def read_lines(path):
    print("  read_lines: opening the file")
    with open(path) as f:
        for text in f:
            yield text.strip()  # pause here; resume on the next next()


def lengths(lines):  # a pipeline stage: one value in, one value out
    for text in lines:
        yield len(text)


def running_total():
    total = 0
    while True:
        value = yield total  # send() puts a value here
        total += value


gen = read_lines(POEM)
print("generator created, nothing ran yet")
print("first:", next(gen))
time.sleep(0.03)  # the consumer works; read_lines waits, suspended at its yield
print("second:", next(gen))
time.sleep(0.03)
gen.close()

totals = running_total()
next(totals)  # run to the first yield
for n in lengths(read_lines(POEM)):
    print("length", n, "-> total", totals.send(n))
    time.sleep(0.03)
