"""A stand-in for loopscope_runtime.py with the same command line, for runner tests that must
not depend on the real tracer: it writes a few fixed records on the events fd, runs the
script as __main__, and writes `exit` (or nothing, when the process dies abruptly)."""
import json
import os
import runpy
import sys
import time

args = sys.argv[1:]
fd = int(args[args.index("--events-fd") + 1])
script = args[args.index("--") + 1]
seq = 0
t0 = time.perf_counter_ns()


def emit(ev, **fields):
    global seq
    record = {"seq": seq, "t": time.perf_counter_ns() - t0, "ev": ev, **fields}
    seq += 1
    os.write(fd, (json.dumps(record) + "\n").encode())


emit("hello", version=1, python="3", impl="cpython", script=script, argv=[script], pid=os.getpid(), stall_ms=50)
emit("lane", lane=0, kind="main", name="main")
emit("print", lane=0, stream="stdout", text="stand-in started")
sys.argv = [script] + args[args.index("--") + 2:]
try:
    runpy.run_path(script, run_name="__main__")
except SystemExit as e:
    emit("exit", code=e.code if isinstance(e.code, int) else 1, how="sysexit")
    raise
except BaseException as e:
    emit("exception", lane=0, type=type(e).__name__, message=str(e), traceback="", line=0)
    emit("exit", code=1, how="exception")
    raise
emit("exit", code=0, how="normal")
