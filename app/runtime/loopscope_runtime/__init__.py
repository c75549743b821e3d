"""loopscope runtime: runs a Python script under an instrumented asyncio loop and writes what
happened as an event stream (docs/trace-format.md). Stdlib only, CPython 3.11+.

The script must behave exactly as under a plain interpreter: same stdout/stderr bytes, same exit
status. Everything here is written with that rule first and the cost per task step second.

    stream.py         the event stream: records, seq/t, the shared-memory ring, the budget
    user_code.py      which code is the user's (and which is ours)
    lanes.py          lane ids, thread lanes, who runs now
    loop.py           the instrumented event loop (task steps, wake-ups, callbacks, idle)
    labels.py         what a suspended task awaits
    threads.py        executor jobs and blocking calls (time.sleep)
    generators.py     generator/iterator tracing: what is traced, caps, shared helpers
    gen_settrace.py   ... on 3.11 (sys.settrace)
    gen_monitoring.py ... on 3.12+ (sys.monitoring, PEP 669)
    output.py         printed lines
    problems.py       exceptions and warnings
    watchdog.py       stalled loop steps
    exits.py          the end of the stream however the script ends
    entry.py          command line and running the script (__main__.py calls it)
"""
