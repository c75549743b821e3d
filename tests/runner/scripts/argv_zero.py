import sys
print("argv0:", sys.argv[0])
