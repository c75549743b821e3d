print("hello")
print("to stderr", file=__import__("sys").stderr)
