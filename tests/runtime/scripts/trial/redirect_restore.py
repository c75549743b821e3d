"""Capturing output in a StringIO, then restoring stdout the way tutorials show it."""
import contextlib
import io
import sys

print("stdout is", sys.stdout)
print("a text stream:", isinstance(sys.stdout, io.TextIOBase))
buffer = io.StringIO()
with contextlib.redirect_stdout(buffer):
    print("captured line")
print("captured:", repr(buffer.getvalue()))

sys.stdout = io.StringIO()
print("also captured")
kept = sys.stdout.getvalue()
sys.stdout = sys.__stdout__
print("restored, kept", repr(kept))
sys.stdout.write("one long line " + "=" * 4500 + " end\n")
print("done")
