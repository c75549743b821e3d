for i in range(50_000):
    print("line", i)
