import os
import signal

print("before", flush=True)
os.kill(os.getpid(), signal.SIGINT)  # KeyboardInterrupt, uncaught: python dies of SIGINT
print("not reached")
