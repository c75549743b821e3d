"""Prints, then sleeps until the test sends SIGTERM."""
import time

print("started", flush=True)
time.sleep(30)
