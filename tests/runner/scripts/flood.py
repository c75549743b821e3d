import sys
for i in range(200000):
    print("line", i)
print("x" * 100000, file=sys.stderr)
