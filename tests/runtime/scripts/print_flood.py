"""A flood of printed lines (every one is recorded), one line too long to keep whole, and a
last line without its newline."""
for i in range(50000):
    print(i)
print("y" * 250_000)
print("partial", end="")
