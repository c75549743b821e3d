# Prints 500 lines, then leaves by os._exit (no atexit, no flush of sys.stdout).
import os

for i in range(500):
    print("line", i)
os._exit(3)
