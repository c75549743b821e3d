"""Unicode, long lines, partial lines with print(end=''), carriage returns."""
import sys

print("héllo wörld — ünïcode ✓ 日本語 🐍")
print("progress: ", end="")
for i in range(5):
    print(i, end="", flush=True)
print(" done")
print("x" * 5000)
print("tab\tseparated\tvalues")
print("a", "b", "c", sep="|", end="!\n")
sys.stdout.write("written directly\n")
print("spinner\r-\r\\\r|\rfinished")
print("", end="")
print()
print("last line without newline", end="")
