"""Threads and blocking calls: executor jobs on worker lanes (`job`/`job_end`) and time.sleep
as a blocking span (`block`/`block_end`) on whatever lane called it."""

import functools
import sys
import time

from .lanes import block_lane, thread_lane
from .stream import emit, fmt_num, internal_error, quote
from .user_code import user_line

_job_counter = iter(range(1, 1 << 62))


def traced_job(func, name, via, waiter, entry):
    """`func` wrapped to record its run on the worker thread; entry[1] gets the worker's lane
    (the awaiting task's wake-up names it)."""
    job = next(_job_counter)
    head = f'"job":{job},"func":{quote(name)},"task":{waiter},"via":"{via}"'

    def job_call(*a):
        lane = thread_lane()
        entry[1] = lane
        emit(f'"ev":"job","lane":{lane},{head}')
        outcome = 'exception'
        try:
            result = func(*a)
            outcome = 'result'
            return result
        finally:
            emit(f'"ev":"job_end","lane":{lane},"job":{job},"outcome":"{outcome}"')
    return job_call


_real_sleep = time.sleep


@functools.wraps(_real_sleep)
def _traced_sleep(secs):
    try:
        lane = block_lane()
        emit(f'"ev":"block","lane":{lane},"what":{quote(f"time.sleep({fmt_num(secs)})")},'
             f'"line":{user_line(sys._getframe(1))}')
    except Exception:   # a loopscope bug must not change the script
        internal_error('time.sleep')
        return _real_sleep(secs)
    try:
        return _real_sleep(secs)
    finally:
        emit(f'"ev":"block_end","lane":{lane}')


def install():
    time.sleep = _traced_sleep
