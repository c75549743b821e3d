"""More printed lines than the runtime records; the last one has no newline."""
for i in range(20005):
    print(i)
print("partial", end="")
