"""Partial lines, unicode, stderr interleaving, writelines, flush, os._exit at the end."""
import os
import sys

print("no newline yet", end="")
print(" ... now", flush=True)
sys.stdout.write("π ≈ 3.14 — ünïcödé ✓\n")
sys.stderr.write("to stderr\n")
sys.stdout.writelines(["a\n", "b", "c\n"])
print('quotes " and \\ backslash\ttab')
print("", end="")
sys.stdout.flush()
sys.stderr.write("stderr without newline")
sys.stderr.flush()
os._exit(4)
