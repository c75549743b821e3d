"""Forking while another thread is busy (as a process pool does): every child must exit."""
import os
import threading
import time

stop = False


def busy():
    while not stop:
        time.sleep(0)


worker = threading.Thread(target=busy)
worker.start()
exited = 0
for _ in range(40):
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    exited += os.waitstatus_to_exitcode(status) == 0
stop = True
worker.join()
print("children exited:", exited)
