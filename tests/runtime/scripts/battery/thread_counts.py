"""Thread bookkeeping a lesson may print: it must not show the tracer's own threads."""
import threading
import time


# The order the workers finish in depends on the machine's load: the results are printed sorted.
def work(n, out):
    time.sleep(0.01 * n)
    out.append(n)


print("active before:", threading.active_count(), [t.name for t in threading.enumerate()])
results = []
threads = [threading.Thread(target=work, args=(n, results), name=f"w{n}") for n in (2, 1)]
for t in threads:
    t.start()
print("running:", sorted(t.name for t in threading.enumerate()))
for t in threads:
    t.join()
print("results:", sorted(results), "active after:", threading.active_count())
