"""The watchdog: a bare thread that reports loop steps running longer than stall_ms (`stall`)
and flushes batched records (the fd sink) a few times a second."""

import sys
import threading

from . import generators, stream
from .lanes import live_loops
from .stream import emit, flush, quote
from .user_code import is_runtime_file, user_frame

_stop = threading.Event()


def stop():
    _stop.set()


def start(stall_ms):
    generators.start_epochs(min(max(stall_ms / 4, 10), 50))
    # A bare _thread: threading.enumerate()/active_count() stay as in a plain run, and it never
    # delays interpreter shutdown.
    import _thread
    _thread.start_new_thread(_watch, (stall_ms * 1_000_000,))


def _watch(stall_ns):
    # Signals sent to the process go to the main thread, as in a plain (single-threaded) run:
    # one delivered here would not interrupt a time.sleep() in the main thread, and the
    # script's SIGTERM or Ctrl-C would wait for the sleep to end.
    import _signal as signal   # not signal.py: its enums cost 2 ms of the run's start-up
    synchronous = {signal.SIGSEGV, signal.SIGBUS, signal.SIGFPE, signal.SIGILL}
    signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals() - synchronous)
    # Each wake-up takes the GIL from a busy script, so wake no more often than needed to see
    # a stall within about a quarter of stall_ms (and to flush batches a few times a second).
    interval = min(max(stall_ns / 4e9, 0.01), 0.05)
    reported = {}   # loop lane -> (step_no, line)
    while not _stop.wait(interval):
        generators.new_epoch()
        t = stream.now()
        for st in list(live_loops):
            if not st.active or t - st.step_t < stall_ns or st.thread_id is None:
                continue
            _report_stall(st, reported)
        flush()


def _report_stall(st, reported):
    step_no = st.step_no
    frame = sys._current_frames().get(st.thread_id)
    uf = user_frame(frame)
    if uf is not None:
        line, func = uf.f_lineno, uf.f_code.co_qualname
    else:
        while frame is not None and is_runtime_file(frame.f_code.co_filename):
            frame = frame.f_back
        line, func = 0, (frame.f_code.co_qualname if frame is not None else '?')
    del frame, uf
    if not st.active or st.step_no != step_no or reported.get(st.lane) == (step_no, line):
        return
    reported[st.lane] = (step_no, line)
    task = st.cur_lane if st.cur_kind == 'task' else -1
    emit(f'"ev":"stall","lane":{st.lane},"task":{task},"since":{st.step_t},'
         f'"line":{line},"func":{quote(func)}')
