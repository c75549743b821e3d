"""Lanes: ids from a counter, declared by a `lane` record before first use; who runs now."""

import threading

from .stream import emit, quote

_lane_counter = iter(range(1, 1 << 62))
MAIN_IDENT = threading.main_thread().ident
thread_lanes = {}        # thread ident -> (lane, thread name)
live_loops = []          # LoopState of every instrumented loop not closed yet (the watchdog's)
_get_running_loop = None  # asyncio's, once the script has imported asyncio (loop.install)


def asyncio_imported(get_running_loop):
    global _get_running_loop
    _get_running_loop = get_running_loop


def new_lane(kind, name, extra=''):
    lane = next(_lane_counter)
    emit(f'"ev":"lane","lane":{lane},"kind":"{kind}","name":{quote(name)}{extra}')
    return lane


def thread_lane(ident=None):
    """The lane of a worker/user thread (declared on first use; lane 0 for the main thread)."""
    if ident is None:
        ident = threading.get_ident()
    if ident == MAIN_IDENT:
        return 0
    name = threading.current_thread().name if ident == threading.get_ident() else str(ident)
    entry = thread_lanes.get(ident)
    if entry is None or entry[1] != name:   # idents are reused by later threads
        lane = new_lane('thread', name, f',"thread":{quote(name)}')
        thread_lanes[ident] = entry = (lane, name)
    return entry[0]


def current_lane():
    """Who is running right now: the task step, the loop, a worker thread, or main."""
    loop = _get_running_loop() if _get_running_loop is not None else None
    if loop is not None:
        st = getattr(loop, '_ls', None)
        if st is not None:
            return st.cur_lane
    return thread_lane()


def block_lane():
    """The lane a blocking call shows on: the loop's when called on a loop thread."""
    loop = _get_running_loop() if _get_running_loop is not None else None
    if loop is not None:
        st = getattr(loop, '_ls', None)
        if st is not None:
            return st.lane
    return thread_lane()
