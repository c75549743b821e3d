def numbers(n):
    for i in range(n):
        yield i * 10


for x in numbers(3):
    print("got", x)
