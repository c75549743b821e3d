import time
print("waiting", flush=True)
try:
    time.sleep(30)
except KeyboardInterrupt:
    print("interrupted")
    raise
