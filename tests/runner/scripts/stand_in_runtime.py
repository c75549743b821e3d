"""A stand-in for the loopscope runtime with the same command line, for runner tests that must
not depend on the real tracer: it writes a few fixed records into the event ring (the layout of
docs/trace-format.md, "Transport", written here independently of the runtime), runs the script
as __main__, and writes `exit` (or nothing, when the process dies abruptly)."""
import json
import mmap
import os
import runpy
import struct
import sys
import time

args = sys.argv[1:]
ring_fd = int(args[args.index("--events-ring") + 1])
script = args[args.index("--") + 1]
seq = 0
t0 = time.perf_counter_ns()
ring = mmap.mmap(ring_fd, os.fstat(ring_fd).st_size)
assert ring[:8] == b"LSRING1\0"
capacity = struct.unpack_from("=Q", ring, 8)[0]
written = 0


def emit(ev, **fields):
    # Few small records: the ring never fills, so the read position is not needed.
    global seq, written
    record = {"seq": seq, "t": time.perf_counter_ns() - t0, "ev": ev, **fields}
    seq += 1
    data = (json.dumps(record) + "\n").encode()
    for i, byte in enumerate(data):
        ring[4096 + (written + i) % capacity] = byte
    written += len(data)
    struct.pack_into("=Q", ring, 64, written)


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
