import sys

print("to stdout")
print("to stderr", file=sys.stderr)
print("args", sys.argv[1:])
sys.exit(3)
