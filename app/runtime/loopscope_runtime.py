"""loopscope runtime: runs a Python script under an instrumented asyncio loop and writes what
happened as an event stream (JSON Lines, docs/trace-format.md, version 1).

    python3 loopscope_runtime.py --events-fd 3 [--stall-ms 50] -- SCRIPT [ARGS...]
    python3 loopscope_runtime.py --events-file PATH [--stall-ms 50] -- SCRIPT [ARGS...]

Stdlib only, CPython 3.11+. The script must behave exactly as under a plain interpreter: same
stdout/stderr bytes, same exit status. Everything here is written with that rule first and the
cost per task step second (the hot paths are Handle._run, call_soon and the suspend label).
"""

import asyncio
import atexit
import concurrent.futures
import dis
import functools
import gc
import io
import json
import os
import signal
import sys
import threading
import time
import traceback
import types
import weakref

_pc = time.perf_counter_ns
_q = json.encoder.c_encode_basestring or json.encoder.py_encode_basestring  # '"text"', JSON-escaped
_RUNTIME_FILE = sys._getframe().f_code.co_filename   # as the code objects spell it

# ---------------------------------------------------------------------------------------------
# The event stream: one lock gives `seq` and `t` together, records are batched.

_T0 = _pc()
_lock = threading.RLock()   # re-entrant: the SIGTERM handler may run inside emit()
_buf = []
_seq = 0
_fd = -1
_final = False          # after the exit record: write at once
_emitting = False       # inside emit() (guarded by _lock)
_nested = []            # records emitted re-entrantly, appended by the outer emit()
BATCH = 64


def _write_all(data):
    global _fd
    view = memoryview(data.encode('utf-8', 'replace'))
    while view and _fd >= 0:
        try:
            n = os.write(_fd, view)
        except InterruptedError:
            continue
        except OSError:          # the reader went away: stop tracing, never disturb the script
            _fd = -1
            return
        view = view[n:]


def _flush_locked():
    if _buf:
        data = ''.join(_buf)
        _buf.clear()
        _write_all(data)


def flush():
    with _lock:
        _flush_locked()


def emit(body):
    """Appends one record; `body` is the JSON text after seq/t (starting with "ev"). Returns t."""
    global _seq, _emitting
    with _lock:
        if _emitting:
            # Re-entered on this thread (a finalizer run by the GC, a signal handler): the outer
            # call appends this record after its own, so seq order stays file order.
            _nested.append(body)
            return _pc() - _T0
        _emitting = True
        try:
            s = _seq
            t = _pc() - _T0
            _buf.append(f'{{"seq":{s},"t":{t},{body}}}\n')
            _seq = s + 1
            while _nested:
                s = _seq
                _buf.append(f'{{"seq":{s},"t":{_pc() - _T0},{_nested.pop(0)}}}\n')
                _seq = s + 1
            if len(_buf) >= BATCH or _final:
                _flush_locked()
        finally:
            _emitting = False
    if _term_signal and threading.get_ident() == _MAIN_IDENT and not _lock._is_owned():
        _die_of_signal(_term_signal)
    return t


def now():
    return _pc() - _T0


def note(text):
    emit(f'"ev":"note","text":{_q(text)}')


_internal_errors = set()


def internal_error(where):
    """Reports (once per place) an exception inside loopscope's own hooks; the script goes on."""
    if where in _internal_errors:
        return
    _internal_errors.add(where)
    exc = sys.exc_info()[1]
    try:
        note(f'loopscope internal error in {where} (the trace may miss events there): '
             f'{type(exc).__name__}: {exc}')
    except Exception:
        pass


def short(value):
    """A short repr (80 characters at most) that never raises."""
    try:
        r = repr(value)
    except Exception as exc:  # a broken __repr__ must not break the script
        r = f'<{type(value).__name__}: repr failed: {type(exc).__name__}>'
    if len(r) > 80:
        r = r[:79] + '\u2026'
    return r


def _text(obj):
    """str(obj) that never raises."""
    try:
        return str(obj)
    except Exception:
        return f'<{type(obj).__name__}: str() failed>'


def fmt_num(x):
    # Labels read like the source: 0.3 / 3 is shown as 0.1, not 0.09999999999999999.
    if isinstance(x, float):
        return f'{x:.6g}'
    return repr(x) if isinstance(x, int) else short(x)


# ---------------------------------------------------------------------------------------------
# Lanes

_lane_counter = iter(range(1, 1 << 62))
_MAIN_IDENT = threading.main_thread().ident
_thread_lanes = {}       # thread ident -> (lane, thread name)
SCRIPT = ''              # absolute path of the user's script (code objects compare against it)


def new_lane(kind, name, extra=''):
    lane = next(_lane_counter)
    emit(f'"ev":"lane","lane":{lane},"kind":"{kind}","name":{_q(name)}{extra}')
    return lane


def thread_lane(ident=None):
    """The lane of a worker/user thread (declared on first use; lane 0 for the main thread)."""
    if ident is None:
        ident = threading.get_ident()
    if ident == _MAIN_IDENT:
        return 0
    name = threading.current_thread().name if ident == threading.get_ident() else str(ident)
    entry = _thread_lanes.get(ident)
    if entry is None or entry[1] != name:   # idents are reused by later threads
        lane = new_lane('thread', name, f',"thread":{_q(name)}')
        _thread_lanes[ident] = entry = (lane, name)
    return entry[0]


def current_lane():
    """Who is running right now: the task step, the loop, a worker thread, or main."""
    loop = asyncio.events._get_running_loop()
    if loop is not None:
        st = getattr(loop, '_ls', None)
        if st is not None:
            return st.cur_lane
    return thread_lane()


def user_frame(frame):
    """The innermost frame of the user's script at or above `frame`, or None."""
    while frame is not None:
        if frame.f_code.co_filename == SCRIPT:
            return frame
        frame = frame.f_back
    return None


def user_line(frame):
    f = user_frame(frame)
    return f.f_lineno if f is not None else 0


# ---------------------------------------------------------------------------------------------
# What a suspended task waits for: a human label from the awaited chain, cached per code object.

_LABELS = {   # qualname of the first stdlib frame below the user's await -> wait kind
    'Queue.get': 'queue', 'Queue.put': 'queue', 'Queue.join': 'queue',
    'Event.wait': 'event', 'Lock.acquire': 'lock', 'Semaphore.acquire': 'lock',
    'BoundedSemaphore.acquire': 'lock', 'Condition.wait': 'lock', 'Condition.wait_for': 'lock',
    'Barrier.wait': 'lock',
    'wait': 'gather', 'as_completed.<locals>._wait_for_one': 'gather',
    'TaskGroup.__aexit__': 'gather', 'TaskGroup._aexit': 'gather', 'wait_for': 'other',
    'sleep': 'sleep', 'to_thread': 'thread', 'staggered_race': 'gather',
}
# asyncio frames that only pass an await on (`async with lock:` awaits the mixin's __aenter__,
# which awaits Lock.acquire): the label comes from the frame below them.
_PASS_THROUGH = {'_ContextManagerMixin.__aenter__'}
_code_kinds = {}   # code -> (kind, qualname): kind 'user', 'asyncio', 'lib'


def code_kind(code):
    k = _code_kinds.get(code)
    if k is None:
        fn = code.co_filename
        if fn == SCRIPT:
            kind = 'user'
        elif os.sep + 'asyncio' + os.sep in fn:
            kind = 'asyncio'
        else:
            kind = 'lib'
        k = _code_kinds[code] = (kind, code.co_qualname)
    return k


_CoroType = types.CoroutineType
_GenType = types.GeneratorType


_frame_rules = {}   # code -> how to label a wait whose first frame below the user is that code


def frame_rule(code):
    """('fixed', wait, label) | ('wait', ..) | ('wait_for', ..) | ('terminal', ..): the last
    means "label it after the awaited future" (sleep, to_thread)."""
    kind, qual = code_kind(code)
    wait = _LABELS.get(qual) if kind == 'asyncio' else None
    if wait is None:
        fn = code.co_filename
        if kind == 'asyncio' and (fn.endswith(('streams.py', 'selector_events.py'))
                                  or 'sock_' in qual or 'create_' in qual):
            wait = 'io'
        else:
            wait = 'other'
        rule = ('fixed', wait, qual + '()')
    elif qual == 'wait':
        rule = ('wait', wait, '')
    elif qual == 'wait_for':
        rule = ('wait_for', wait, '')
    elif 'as_completed' in qual:
        rule = ('fixed', wait, 'as_completed()')
    elif 'TaskGroup' in qual:
        rule = ('fixed', wait, 'TaskGroup')
    elif wait == 'sleep' or wait == 'thread':
        rule = ('terminal', wait, '')
    else:
        rule = ('fixed', wait, qual + '()')
    _frame_rules[code] = rule
    return rule


async def _probe_agen():
    yield


_AGenType = type(_probe_agen())
_AGEN_AWAITABLES = (type(_probe_agen().asend(None)), type(_probe_agen().athrow(GeneratorExit)))


def walk_await_chain(obj):
    """(line of the innermost user await, first non-user frame below it, first asyncio frame)."""
    line = 0
    label_frame = None
    asyncio_frame = None
    seen_user = False
    while obj is not None:
        t = type(obj)
        if t is _CoroType:
            f = obj.cr_frame
            nxt = obj.cr_await
        elif t is _GenType:
            f = obj.gi_frame
            nxt = obj.gi_yieldfrom
        elif t is _AGenType:
            f = obj.ag_frame
            nxt = obj.ag_await
        elif t in _AGEN_AWAITABLES:
            # `async for` awaits an asend/athrow object, which exposes no attribute for its
            # generator; the garbage collector's view of its references does.
            obj = next((r for r in gc.get_referents(obj) if type(r) is _AGenType), None)
            continue
        else:
            break
        if f is None:
            break
        code = f.f_code
        kind, qual = _code_kinds.get(code) or code_kind(code)
        if kind == 'user':
            line = f.f_lineno
            seen_user = True
            label_frame = None
            asyncio_frame = None
        else:
            if label_frame is None and not (kind == 'asyncio' and qual in _PASS_THROUGH):
                label_frame = f
            if asyncio_frame is None and kind == 'asyncio':
                asyncio_frame = f
        obj = nxt
    if not seen_user and asyncio_frame is not None:
        label_frame = asyncio_frame   # a library task: name the asyncio primitive it waits on
    return line, label_frame


# ---------------------------------------------------------------------------------------------
# The instrumented loop

_Task = asyncio.Task
_TASK_TYPES = (asyncio.Task, getattr(asyncio.tasks, '_PyTask', asyncio.Task))
_TimerHandle = asyncio.events.TimerHandle
_GatheringFuture = getattr(asyncio.tasks, '_GatheringFuture', None)
_SET_RESULT = asyncio.futures._set_result_unless_cancelled
_INTERNAL_CORO = {'BaseEventLoop.shutdown_asyncgens', 'BaseEventLoop.shutdown_default_executor'}
# Plumbing callbacks that are not worth a `cb` span (their effect shows as the woken task's run).
_SKIP_CB = {'_set_result_unless_cancelled', '_chain_future.<locals>._set_state',
            '_chain_future.<locals>._call_set_state', 'BaseSelectorEventLoop._read_from_self',
            '_run_until_complete_cb', '_chain_future.<locals>._call_check_cancel',
            'BaseEventLoop._asyncgen_finalizer_hook', 'gather.<locals>._done_callback',
            '_wait.<locals>._on_completion', 'as_completed.<locals>._on_completion',
            'TaskGroup._on_task_done', '_release_waiter', 'Future._schedule_callbacks',
            # a future resolved through the loop (asyncio.run's executor shutdown thread)
            'Future.set_result', 'Future.set_exception'}
_IO_CB = ('_read_ready', '_write_ready', '_accept_connection', '_sock_', '_process_')
_cb_meta = {}
_loops = []             # live loop states, for the watchdog
_job_counter = iter(range(1, 1 << 62))


class TaskInfo:
    __slots__ = ('lane', 'name', 'line', 'ready', 'by', 'why', 'late', 'started', 'ref')

    def __init__(self, lane, name, line, ready, by):
        self.lane = lane
        self.name = name
        self.line = line
        self.ready = ready
        self.by = by
        self.why = 'start'
        self.late = 0
        self.started = False
        self.ref = None


def cb_meta(cb):
    key = getattr(cb, '__func__', cb)
    try:
        meta = _cb_meta.get(key)
    except TypeError:        # an unhashable callable
        key, meta = None, None
    if meta is None:
        f = key if key is not None else cb
        while isinstance(f, functools.partial):
            f = f.func
        f = getattr(f, '__func__', f)
        name = getattr(f, '__qualname__', None) or type(f).__qualname__
        code = getattr(f, '__code__', None)
        line = code.co_firstlineno if code is not None and code.co_filename == SCRIPT else 0
        if name in _SKIP_CB:
            kind = 'skip'
        elif any(p in name for p in _IO_CB):
            kind = 'io'
        else:
            kind = 'cb'
        meta = (f'"name":{_q(name)},"line":{line}', kind)
        if key is not None:
            _cb_meta[key] = meta
    return meta


_free_loop_lanes = set()  # lanes of closed loops
_loop_lanes_made = 0
_last_loop_lane = -1


def _loop_lane():
    """A lane for a new loop. A loop made after the last one was closed, with no other loop
    alive (a second asyncio.run), goes on on that loop's lane; otherwise a new `loop N`. Only
    the last declared loop lane is reused: readers that predate the task lane's `loop` field
    give a task the last declared loop."""
    global _loop_lanes_made, _last_loop_lane
    if not _loops and _last_loop_lane in _free_loop_lanes:
        _free_loop_lanes.discard(_last_loop_lane)
        return _last_loop_lane
    _loop_lanes_made += 1
    n = _loop_lanes_made
    _last_loop_lane = new_lane('loop', 'loop' if n == 1 else f'loop {n}')
    return _last_loop_lane


class LoopState:
    """Everything loopscope knows about one instrumented loop."""

    def __init__(self, loop):
        self.loop = loop
        self.lane = _loop_lane()
        self.thread_id = None
        # Nothing here may keep a task or future alive: asyncio reports tasks destroyed while
        # pending and exceptions never retrieved when they are collected.
        self.tasks = {}          # id(Task) -> TaskInfo (until done or collected)
        self.sleep_delays = weakref.WeakKeyDictionary()   # sleep's future -> delay
        self.jobs = weakref.WeakKeyDictionary()           # executor future -> [label, lane]
        self.threadsafe = {}     # callback scheduled from a worker -> worker lane
        self.chained = {}        # callback handle scheduled by a task step -> that task's lane
        self.cur_lane = self.lane
        self.cur_kind = ''       # '', 'task', 'timer', 'thread', 'io', 'cb'
        self.cur_by = -1
        self.cur_late = 0
        self.active = False      # a step/callback runs now (watchdog)
        self.step_t = 0
        self.step_no = 0

    # -- tasks -----------------------------------------------------------------------------
    def register(self, task):
        try:
            coro = task.get_coro()
            qual = getattr(coro, '__qualname__', None) or type(coro).__qualname__
            if qual in _INTERNAL_CORO:
                return None
            code = getattr(coro, 'cr_code', None)
            name = task.get_name()
            parent = current_lane()
            line = user_line(sys._getframe(2))
            lane = new_lane('task', name, f',"coro":{_q(qual)},"parent":{parent},"line":{line},'
                                          f'"loop":{self.lane}')
            start_line = code.co_firstlineno if code is not None and code.co_filename == SCRIPT else 0
            info = TaskInfo(lane, name, start_line, now(), parent)
            key = id(task)
            tasks = self.tasks
            info.ref = weakref.ref(task, lambda _r: tasks.pop(key, None))
            tasks[key] = info
            return info
        except Exception:   # a loopscope bug must not change the script
            internal_error('task creation')
            return None

    def woken(self, info, args):
        try:
            kind = self.cur_kind
            info.late = 0
            if not args:                       # __step scheduled again: sleep(0), or a bare yield
                info.why = 'soon'
                info.by = self.cur_lane
            else:
                fut = args[0]
                if fut.cancelled():
                    # Cancelled from a done-callback of a task that ended (a TaskGroup whose
                    # child failed cancels the others): that task is the canceller.
                    info.why, info.by = 'cancel', self.cur_by if kind == 'chain' else self.cur_lane
                elif kind == 'timer':
                    info.why, info.by, info.late = 'timer', -1, self.cur_late
                elif kind == 'thread':
                    info.why, info.by = 'thread', self.cur_by
                elif kind == 'chain':          # e.g. gather's callback after a child task ended
                    info.why, info.by = 'task', self.cur_by
                elif isinstance(fut, _TASK_TYPES) and id(fut) in self.tasks:
                    info.why, info.by = 'task', self.tasks[id(fut)].lane
                elif kind == 'task':
                    info.why, info.by = 'future', self.cur_lane
                elif kind == 'io':
                    info.why, info.by = 'io', self.lane
                else:
                    info.why, info.by = 'other', self.cur_lane
            info.ready = _pc() - _T0
        except Exception:   # a loopscope bug must not change the script
            internal_error('wake-ups')
            return None

    def run_step(self, handle, task, info):
        lane = info.lane
        try:
            if not info.started:
                info.started = True
                name = task.get_name()
                if name != info.name:      # asyncio.create_task(name=...) names after creation
                    info.name = name
                    emit(f'"ev":"rename","lane":{lane},"name":{_q(name)}')
            why = info.why
            late = f',"late":{info.late}' if why == 'timer' else ''
            self.cur_lane = lane
            self.cur_kind = 'task'
            self.step_no += 1
            self.step_t = emit(f'"ev":"run","lane":{lane},"line":{info.line},'
                               f'"ready":{info.ready},"by":{info.by},"why":"{why}"{late}')
        except Exception:   # a loopscope bug must not change the script
            internal_error('task steps')
        self.active = True
        try:
            _orig_handle_run(handle)
        finally:
            self.active = False
            self.cur_lane = self.lane
            self.cur_kind = ''
            try:
                if task.done():
                    self.finish(task, info)
                else:
                    self.suspend(task, info)
            except Exception:
                internal_error('task steps')

    def finish(self, task, info):
        self.tasks.pop(id(task), None)
        try:
            outcome, detail = self.outcome(task, info)
        except Exception:   # a hostile __str__: the done record must come anyway
            internal_error('task outcomes')
            outcome, detail = ('cancelled' if task.cancelled() else
                               'exception' if task._exception is not None else 'result'), '?'
        emit(f'"ev":"done","lane":{info.lane},"outcome":"{outcome}","detail":{_q(detail)},'
             f'"line":{info.line}')

    def outcome(self, task, info):
        if task.cancelled():
            outcome, detail = 'cancelled', ''
        else:
            exc = task._exception
            if exc is not None:
                outcome, detail = 'exception', f'{type(exc).__name__}: {_text(exc)}'
                tb = exc.__traceback__
                while tb is not None:        # the line that raised, in the user's file
                    if tb.tb_frame.f_code.co_filename == SCRIPT:
                        info.line = tb.tb_lineno
                    tb = tb.tb_next
            else:
                outcome, detail = 'result', short(task.result())
        return outcome, detail

    def suspend(self, task, info):
        try:
            line, label, wait, target = self.describe_wait(task)
        except Exception:   # the record must come anyway: the lane alternates run/suspend
            internal_error('awaiting labels')
            line, label, wait, target = 0, '?', 'other', -1
        info.line = line
        emit(f'"ev":"suspend","lane":{info.lane},"line":{line},"awaiting":{_q(label)},'
             f'"wait":"{wait}","target":{target}')

    def describe_wait(self, task):
        """(await line, label, wait kind, target lane) of a task that just suspended."""
        line, label_frame = walk_await_chain(task.get_coro())
        waiter = task._fut_waiter
        label = wait = None
        target = -1
        if label_frame is not None:
            code = label_frame.f_code
            rule = _frame_rules.get(code) or frame_rule(code)
            mode = rule[0]
            if mode == 'fixed':
                label, wait = rule[2], rule[1]
            elif mode == 'wait':
                fs = label_frame.f_locals.get('fs')
                label, wait = (f'wait({len(fs)})' if fs is not None else 'wait()'), 'gather'
            elif mode == 'wait_for':
                locals_ = label_frame.f_locals
                label = f"wait_for({fmt_num(locals_.get('timeout'))})"
                wait = 'other'
                inner = locals_.get('fut')     # 3.11 runs the awaited coroutine as a task
                if isinstance(inner, _TASK_TYPES) and id(inner) in self.tasks:
                    target = self.tasks[id(inner)].lane
        if label is None:                 # name it after the awaited future itself
            if waiter is None:
                label, wait = 'sleep(0)', 'sleep'
            elif isinstance(waiter, _TASK_TYPES):
                other = self.tasks.get(id(waiter))
                label = f'Task {waiter.get_name()}'
                wait = 'task'
                if other is not None:
                    target = other.lane
            elif waiter in self.sleep_delays:
                label, wait = f'sleep({fmt_num(self.sleep_delays.pop(waiter))})', 'sleep'
            elif waiter in self.jobs:
                job = self.jobs[waiter]     # kept until the future goes: its wake-up needs it
                label, wait, target = job[0], 'thread', job[1]
            elif _GatheringFuture is not None and type(waiter) is _GatheringFuture:
                label, wait = f'gather({len(waiter._children)})', 'gather'
            else:
                label, wait = 'Future', 'future'
        return line, label, wait, target

    # -- plain callbacks ----------------------------------------------------------------------
    def run_callback(self, handle, cb):
        try:
            text, kind = cb_meta(cb)
        except Exception:   # a loopscope bug must not change the script
            internal_error('callbacks')
            return _orig_handle_run(handle)
        late = ''
        if self.threadsafe:
            try:
                by = self.threadsafe.pop(cb, None)
            except TypeError:
                by = None
            if by is not None:
                kind = 'thread' if kind == 'skip' else kind
                self.cur_by = by
        if kind == 'skip' and handle._args and len(self.jobs):
            # An executor result handed to its asyncio future (scheduled from the loop thread
            # itself when the job had already finished): the worker woke the task.
            try:
                entry = self.jobs.get(handle._args[0])
            except TypeError:
                entry = None
            if entry is not None and entry[1] >= 0:
                kind = 'thread'
                self.cur_by = entry[1]
        if self.chained:
            by = self.chained.pop(handle, None)
            if by is not None and kind == 'skip':
                kind = 'chain'
                self.cur_by = by
        if type(handle) is _TimerHandle:
            lateness = int((self.loop.time() - handle._when) * 1e9)
            self.cur_late = lateness if lateness > 0 else 0
            late = f',"late":{self.cur_late}'
            if kind == 'skip':
                kind = 'timer'
        shown = kind == 'cb' or kind == 'io'
        self.cur_kind = 'timer' if late and kind != 'thread' else kind
        self.step_no += 1
        if shown:
            self.step_t = emit(f'"ev":"cb","lane":{self.lane},{text}{late}')
        else:
            self.step_t = _pc() - _T0
        self.active = True
        try:
            _orig_handle_run(handle)
        finally:
            self.active = False
            self.cur_kind = ''
            if shown:
                emit(f'"ev":"cb_end","lane":{self.lane}')


_orig_handle_run = asyncio.events.Handle._run


def _handle_run(self):
    try:
        st = self._loop._ls
    except AttributeError:              # a loop of another kind: untouched
        st = None
    if st is None:
        return _orig_handle_run(self)
    cb = self._callback
    task = getattr(cb, '__self__', None)
    if task is not None and isinstance(task, _TASK_TYPES):
        info = st.tasks.get(id(task))
        if info is not None:
            return st.run_step(self, task, info)
        return _orig_handle_run(self)      # asyncio's own shutdown tasks: not shown
    return st.run_callback(self, cb)


_base_call_soon = asyncio.SelectorEventLoop.call_soon


class InstrumentedLoop(asyncio.SelectorEventLoop):
    """A SelectorEventLoop that reports its steps, wake-ups, waits and executor jobs."""
    _ls = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._ls = st = LoopState(self)
        _loops.append(st)
        sel = self._selector
        real_select = sel.select

        def select(timeout=None):
            # Only a select that may really wait is an idle span (not the polls between steps).
            if timeout is not None and timeout <= 0:
                return real_select(timeout)
            emit(f'"ev":"idle","lane":{st.lane},"timeout":'
                 f'{-1 if timeout is None else int(timeout * 1e9)}')
            events = []
            try:
                events = real_select(timeout)
                return events
            finally:
                emit(f'"ev":"idle_end","lane":{st.lane},"events":{len(events)}')
        sel.select = select

    def run_forever(self):
        self._ls.thread_id = threading.get_ident()
        return super().run_forever()

    def close(self):
        super().close()                # raises (and changes nothing) if the loop still runs
        try:
            _loops.remove(self._ls)    # the watchdog stops looking; the loop may be collected
            _free_loop_lanes.add(self._ls.lane)
        except ValueError:             # closed before
            pass

    def call_soon(self, callback, *args, context=None):
        handle = _base_call_soon(self, callback, *args, context=context)
        if handle._source_traceback:
            del handle._source_traceback[-1]   # debug mode: "created at" names the caller, not us
        task = getattr(callback, '__self__', None)
        if task is not None and isinstance(task, _TASK_TYPES):
            st = self._ls
            info = st.tasks.get(id(task))
            if info is None:
                if not task.done():
                    st.register(task)
            elif not args:           # the hot path: a task rescheduled after sleep(0)
                info.why = 'soon'
                info.by = st.cur_lane
                info.late = 0
                info.ready = _pc() - _T0
            else:
                st.woken(info, args)
        elif self._ls.cur_kind == 'task':
            chained = self._ls.chained
            if len(chained) > 4096:
                chained.clear()
            chained[handle] = self._ls.cur_lane
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        # Recorded before scheduling: the loop may run the handle before this call returns.
        ident = threading.get_ident()
        entry = _thread_lanes.get(ident)   # only threads already shown (not asyncio's own)
        if ident != self._ls.thread_id and entry is not None:
            try:
                self._ls.threadsafe[callback] = entry[0]
            except TypeError:               # an unhashable callable
                pass
        handle = super().call_soon_threadsafe(callback, *args, context=context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        return handle

    def call_later(self, delay, callback, *args, context=None):
        handle = super().call_later(delay, callback, *args, context=context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        if callback is _SET_RESULT and args:
            delays = self._ls.sleep_delays
            delays[args[0]] = delay
        return handle

    def run_in_executor(self, executor, func, *args):
        fn, via = func, 'run_in_executor'
        if (isinstance(func, functools.partial) and func.args
                and getattr(func.func, '__name__', '') == 'run'
                and type(getattr(func.func, '__self__', None)).__name__ == 'Context'):
            fn, via = func.args[0], 'to_thread'
        while isinstance(fn, functools.partial):
            fn = fn.func
        name = getattr(fn, '__qualname__', None) or type(fn).__qualname__
        st = self._ls
        pool = executor if executor is not None else self._default_executor
        if pool is not None and not isinstance(pool, concurrent.futures.ThreadPoolExecutor):
            # A process pool pickles the callable: it gets the user's own. Its jobs run in
            # another process, out of sight; the await is still named after the function.
            fut = super().run_in_executor(executor, func, *args)
            st.jobs[fut] = [f'{via}({name})', -1]
            return fut
        waiter = current_lane() if st.cur_kind == 'task' else -1
        job = next(_job_counter)
        entry = [f'{via}({name})', -1]
        head = f'"job":{job},"func":{_q(name)},"task":{waiter},"via":"{via}"'

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
        fut = super().run_in_executor(executor, job_call, *args)
        st.jobs[fut] = entry
        return fut

    def call_exception_handler(self, context):
        try:
            st = self._ls
            owner = context.get('task') or context.get('future')
            info = st.tasks.get(id(owner)) if isinstance(owner, _TASK_TYPES) else None
            lane = info.lane if info is not None else st.lane
            exc = context.get('exception')
            if isinstance(exc, BaseException):
                clean_traceback(exc)
                report_exception(exc, lane, context.get('message', ''))
            else:
                emit(f'"ev":"warning","lane":{lane},"category":"asyncio",'
                     f'"text":{_q(str(context.get("message", "")))},"line":0')
        except Exception:   # reporting must never change what asyncio does next
            pass
        return super().call_exception_handler(context)


# `print(loop)`, `type(loop)` read as in a plain run (the subclass is an implementation detail).
InstrumentedLoop.__name__ = asyncio.SelectorEventLoop.__name__
InstrumentedLoop.__qualname__ = asyncio.SelectorEventLoop.__qualname__
InstrumentedLoop.__module__ = asyncio.SelectorEventLoop.__module__


def make_policy():
    """The default policy with our loop as its factory (legacy get_event_loop() uses it)."""
    class LoopscopePolicy(asyncio.DefaultEventLoopPolicy):
        _loop_factory = InstrumentedLoop
    return LoopscopePolicy()


# ---------------------------------------------------------------------------------------------
# Exceptions and warnings

def clean_traceback(exc, _seen=None):
    """Drops this file's frames from an exception's traceback (and its chain) so that printed
    tracebacks are those of a plain run."""
    seen = _seen if _seen is not None else set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        tb = exc.__traceback__
        entries = []
        while tb is not None:
            if tb.tb_frame.f_code.co_filename != _RUNTIME_FILE:
                entries.append(tb)
            tb = tb.tb_next
        if exc.__traceback__ is not None and len(entries) != _tb_len(exc.__traceback__):
            new = None
            for e in reversed(entries):
                new = types.TracebackType(new, e.tb_frame, e.tb_lasti, e.tb_lineno)
            exc.__traceback__ = new
        if exc.__cause__ is not None:
            clean_traceback(exc.__cause__, seen)
        if isinstance(exc, BaseExceptionGroup):
            for sub in exc.exceptions:
                clean_traceback(sub, seen)
        exc = exc.__context__


def _tb_len(tb):
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    return n


def report_exception(exc, lane, prefix=''):
    text = ''.join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    line = 0
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == SCRIPT:
            line = tb.tb_lineno
        tb = tb.tb_next
    if not line and isinstance(exc, SyntaxError) and exc.filename == SCRIPT:
        line = exc.lineno or 0
    message = str(exc)
    if prefix:
        message = f'{prefix}: {message}' if message else prefix
    emit(f'"ev":"exception","lane":{lane},"type":{_q(type(exc).__qualname__)},'
         f'"message":{_q(message)},"traceback":{_q(text)},"line":{line}')


def _install_hooks():
    real_excepthook = sys.excepthook

    def excepthook(typ, value, tb):
        if isinstance(value, BaseException):
            value.__traceback__ = tb
            clean_traceback(value)
            tb = value.__traceback__
        return real_excepthook(typ, value, tb)
    sys.excepthook = excepthook

    real_thread_hook = threading.excepthook

    def thread_excepthook(args):
        try:
            if args.exc_value is not None:
                clean_traceback(args.exc_value)
                report_exception(args.exc_value, thread_lane(getattr(args.thread, 'ident', None)))
        except Exception:
            pass
        if args.exc_value is not None:
            args = type(args)((args.exc_type, args.exc_value, args.exc_value.__traceback__,
                               args.thread))
        return real_thread_hook(args)
    threading.excepthook = thread_excepthook

    # warnings._showwarnmsg gets the whole WarningMessage (with its tracemalloc `source`),
    # and both the C and Python warning paths call it: output stays that of a plain run.
    import warnings
    real_show = warnings._showwarnmsg

    def showwarnmsg(msg):
        try:
            ln = msg.lineno if msg.filename == SCRIPT else user_line(sys._getframe(1))
            emit(f'"ev":"warning","lane":{current_lane()},"category":{_q(msg.category.__name__)},'
                 f'"text":{_q(str(msg.message))},"line":{ln}')
        except Exception:
            pass
        return real_show(msg)
    warnings._showwarnmsg = showwarnmsg


# ---------------------------------------------------------------------------------------------
# Blocking calls: time.sleep

_real_sleep = time.sleep


def _block_lane():
    loop = asyncio.events._get_running_loop()
    if loop is not None:
        st = getattr(loop, '_ls', None)
        if st is not None:
            return st.lane
    return thread_lane()


@functools.wraps(_real_sleep)
def _traced_sleep(secs):
    try:
        lane = _block_lane()
        emit(f'"ev":"block","lane":{lane},"what":{_q(f"time.sleep({fmt_num(secs)})")},'
             f'"line":{user_line(sys._getframe(1))}')
    except Exception:   # a loopscope bug must not change the script
        internal_error('time.sleep')
        return _real_sleep(secs)
    try:
        return _real_sleep(secs)
    finally:
        emit(f'"ev":"block_end","lane":{lane}')


# ---------------------------------------------------------------------------------------------
# Printed lines: stdout/stderr pass through unchanged, each complete line becomes a record.

PRINT_CAP = 20000
LINE_CAP = 4000         # characters of one printed line kept in its record
_print_count = 0
_print_dropped = {'stdout': 0, 'stderr': 0}


class TeeWriter:
    def __init__(self, real, stream):
        self._real = real
        self._stream = stream
        self._partial = {}   # lane -> text not yet ended by a newline

    def write(self, s):
        n = self._real.write(s)
        if s and _fd >= 0:
            self._lines(s)
        return n

    def writelines(self, lines):
        for s in lines:
            self.write(s)

    def flush(self):
        return self._real.flush()

    def _lines(self, s):
        try:
            lane = current_lane()
            head = self._partial.pop(lane, '')
            parts = (head + s).split('\n')
            rest = parts.pop()
            while len(rest) > LINE_CAP:  # output that never ends a line (a progress bar): cut it
                parts.append(rest[:LINE_CAP])
                rest = rest[LINE_CAP:]
            if rest:
                self._partial[lane] = rest
            for text in parts:
                while len(text) > LINE_CAP:   # a long line: records of LINE_CAP, then the rest
                    self._emit(lane, text[:LINE_CAP])
                    text = text[LINE_CAP:]
                self._emit(lane, text)
        except Exception:   # a loopscope bug must not change the script
            internal_error('printed lines')
            return None

    def _emit(self, lane, text):
        global _print_count
        if len(text) > LINE_CAP:
            text = text[:LINE_CAP] + '\u2026'
        _print_count += 1
        if _print_count > PRINT_CAP:
            _print_dropped[self._stream] += 1
            if _print_count == PRINT_CAP + 1:
                note(f'more than {PRINT_CAP} printed lines: the rest are counted, not recorded')
            return
        emit(f'"ev":"print","lane":{lane},"stream":"{self._stream}","text":{_q(text)}')

    def end(self):
        for lane, text in list(self._partial.items()):
            self._emit(lane, text)
        self._partial.clear()

    def __getattr__(self, name):
        return getattr(self._real, name)

    def __iter__(self):
        return iter(self._real)

    def __repr__(self):              # `print(sys.stdout)` reads as in a plain run
        return repr(self._real)


io.TextIOBase.register(TeeWriter)     # isinstance(sys.stdout, io.TextIOBase) as in a plain run


# ---------------------------------------------------------------------------------------------
# Generators and user iterators (3.11+: sys.settrace, only for code objects of the user's file)

GEN_CAP = 2000          # enter/leave pairs recorded per generator before sampling
GEN_EVERY = 100         # after the cap, one pair in GEN_EVERY
LANES_PER_CODE = 200    # generator objects given a lane per generator function

_OP = dis.opmap
_RESUME = _OP['RESUME']
_YIELD = _OP['YIELD_VALUE']
_RETURNS = {_OP[n] for n in ('RETURN_VALUE', 'RETURN_CONST') if n in _OP}
_gen_codes = {}         # code -> (lane name, obj kind, is_iterator)
_code_bytes = {}
_lanes_per_code = {}
_gens = {}              # frame (generators) or id(self) (iterators) -> GenInfo
_stacks = {}            # thread ident -> active GenInfo stack


class GenInfo:
    __slots__ = ('lane', 'count', 'shown', 'exc', 'closing', 'ref', 'noted')

    def __init__(self, lane):
        self.lane = lane
        self.count = 0
        self.shown = True
        self.exc = None
        self.closing = False
        self.ref = None
        self.noted = False


def find_generator_code(code):
    found = {}
    stack = [code]
    while stack:
        c = stack.pop()
        stack.extend(k for k in c.co_consts if isinstance(k, types.CodeType))
        flags = c.co_flags
        if c.co_name == '<genexpr>':
            # Generator expressions are consumed on the spot (sum(...), gather(*...)); tracing
            # them would switch on sys.settrace, which slows every frame on 3.11.
            continue
        if flags & 0x20:                          # CO_GENERATOR
            found[c] = (c.co_qualname, 'generator', False)
        elif flags & 0x200:                       # CO_ASYNC_GENERATOR
            found[c] = (c.co_qualname, 'async_generator', False)
        elif c.co_name in ('__next__', '__anext__') and '.' in c.co_qualname:
            cls = c.co_qualname.rsplit('.', 1)[0]
            found[c] = (cls, 'iterator' if c.co_name == '__next__' else 'async_iterator', True)
    return found


def _resume_arg(co, i):
    """The oparg of the RESUME after the YIELD_VALUE at byte offset i (1 yield, 2 yield from,
    3 await), or -1."""
    if i + 3 < len(co) and co[i + 2] == _RESUME:
        return co[i + 3] & 3
    return -1


def _gen_call(frame, event, arg):
    """Global trace function: only frames of the user's generators get a local tracer."""
    try:
        code = frame.f_code
        meta = _gen_codes.get(code)
        if meta is None:
            return None
        if not meta[2]:
            info = _gens.get(frame)
            if info is not None and info.count >= GEN_CAP:
                # Past the cap: most activations only get a cheap tracer that notices the end.
                if not info.noted:
                    info.noted = True
                    note(f'{meta[0]}: more than {GEN_CAP} steps; recording one in {GEN_EVERY} '
                         f'from now on')
                info.count += 1
                if info.count % GEN_EVERY:
                    return _gen_skip
        co = _code_bytes.get(code)
        if co is None:
            co = _code_bytes[code] = code.co_code
        i = frame.f_lasti
        op = co[i] if 0 <= i < len(co) else -1
        if op == _RESUME:
            how = 'start' if co[i + 1] == 0 else 'resume'
        elif op == _YIELD:
            how = 'resume'
        else:
            how = 'start'
        if how == 'resume' and _resume_arg(co, i if op == _YIELD else i - 2) == 3:
            # Resumed after an `await` inside an async generator / async __anext__: the same step
            # continues (the task lane shows the wait), so no new enter.
            info = _gens.get(_iter_key(frame, code)[0] if meta[2] else frame)
            if info is not None:
                _stacks.setdefault(threading.get_ident(), []).append(info)
            return _gen_local
        if meta[2]:
            how = 'call' if how == 'start' else 'resume'
        stack = _stacks.setdefault(threading.get_ident(), [])
        drv = stack[-1].lane if stack else current_lane()
        key = frame
        if meta[2]:
            key, obj = _iter_key(frame, code)
            info = _gens.get(key)
            if info is not None and info.ref is not None and info.ref() is not obj:
                info = None
            if key is None:
                return None
        else:
            info = _gens.get(frame)
        if info is None:
            n = _lanes_per_code.get(code, 0)
            if n >= LANES_PER_CODE:
                if n == LANES_PER_CODE:
                    _lanes_per_code[code] = n + 1
                    note(f'{meta[0]}: more than {LANES_PER_CODE} objects; later ones are not traced')
                return None
            _lanes_per_code[code] = n + 1
            info = GenInfo(new_lane('gen', meta[0], f',"obj":"{meta[1]}","parent":{drv},'
                                                    f'"line":{code.co_firstlineno}'))
            if meta[2]:
                try:
                    info.ref = weakref.ref(obj)
                except TypeError:
                    pass
            _gens[key] = info
        frame.f_trace_lines = False
        if info.count < GEN_CAP:
            info.count += 1
        info.shown = True                  # under the cap, or the one in GEN_EVERY sampled above
        info.exc = None
        stack.append(info)
        if info.shown:
            emit(f'"ev":"enter","lane":{info.lane},"from":{drv},"how":"{how}",'
                 f'"line":{frame.f_lineno}')
        return _gen_local
    except Exception:   # a loopscope bug must not change the script
        internal_error('generator tracing')
        return None


def _gen_skip(frame, event, arg):
    """Local tracer of an unrecorded activation: silent unless the generator ends in it."""
    try:
        if event == 'return':
            co = _code_bytes[frame.f_code]
            i = frame.f_lasti
            info = _gens.get(frame)
            if info is not None and (info.closing or not (0 <= i < len(co) and co[i] == _YIELD)):
                stack = _stacks.setdefault(threading.get_ident(), [])
                drv = stack[-1].lane if stack else current_lane()
                # The end is always recorded, as a whole enter/leave pair.
                emit(f'"ev":"enter","lane":{info.lane},"from":{drv},"how":"resume",'
                     f'"line":{frame.f_lineno}')
                stack.append(info)
                info.shown = True
                return _gen_local(frame, event, arg)
        elif event == 'exception':
            info = _gens.get(frame)
            if info is not None:
                info.exc = arg[0]
                if issubclass(arg[0], GeneratorExit):
                    info.closing = True
        return _gen_skip
    except Exception:   # a loopscope bug must not change the script
        internal_error('generator tracing')
        return None


def _iter_key(frame, code):
    if not code.co_varnames:
        return None, None
    obj = frame.f_locals.get(code.co_varnames[0])
    return id(obj), obj


def _gen_local(frame, event, arg):
    try:
        if event == 'exception':
            info = _gens.get(frame) if not _gen_codes[frame.f_code][2] else None
            exc_type = arg[0]
            if info is not None and issubclass(exc_type, GeneratorExit):
                info.closing = True
            stack = _stacks.get(threading.get_ident())
            if stack:
                stack[-1].exc = exc_type
            return _gen_local
        if event != 'return':
            return _gen_local
        code = frame.f_code
        meta = _gen_codes[code]
        stack = _stacks.get(threading.get_ident())
        info = stack.pop() if stack else None
        if info is None:
            return None
        co = _code_bytes[code]
        i = frame.f_lasti
        op = co[i] if 0 <= i < len(co) else -1
        value = ''
        final = True
        if op == _YIELD and not info.closing:
            if _resume_arg(co, i) == 3:
                return _gen_local          # an await inside an async generator: not a yield
            how = 'yield'
            if type(arg).__name__ == 'async_generator_wrapped_value':
                refs = gc.get_referents(arg)
                arg = refs[0] if refs else arg
            value = f',"value":{_q(short(arg))}'
            final = False
        elif info.closing or (op == _YIELD):
            how = 'close'
        elif op in _RETURNS:               # a plain return (an exception caught inside is no exit)
            how = 'return'
            value = f',"value":{_q(short(arg))}'
        else:
            exc = info.exc
            if exc is not None and issubclass(exc, (StopIteration, StopAsyncIteration)):
                how = 'stop'
            elif exc is not None and issubclass(exc, GeneratorExit):
                how = 'close'
            else:
                how = 'raise'
                if exc is not None:
                    value = f',"exc":{_q(exc.__name__)}'
        if meta[2]:
            final = False                  # an iterator object lives on after each __next__
            if how == 'stop':
                final = True
        if info.shown or final:
            drv = stack[-1].lane if stack else current_lane()
            emit(f'"ev":"leave","lane":{info.lane},"from":{drv},"how":"{how}"{value},'
                 f'"line":{frame.f_lineno}')
        if final and not meta[2]:
            _gens.pop(frame, None)
        return _gen_local
    except Exception:   # a loopscope bug must not change the script
        internal_error('generator tracing')
        return None


def install_generator_tracing(code):
    global _gen_codes
    _gen_codes = find_generator_code(code)
    if _gen_codes:
        sys.settrace(_gen_call)
        threading.settrace(_gen_call)


# ---------------------------------------------------------------------------------------------
# The watchdog: flushes batches and reports stalled loop steps.

_stop = threading.Event()
_term_signal = 0


def _die_of_signal(signum):
    global _term_signal
    _term_signal = 0
    _at_exit(-signum, 'signal')
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)




def _watchdog(stall_ns):
    # Each wake-up takes the GIL from a busy script, so wake no more often than needed to see
    # a stall within about a quarter of stall_ms (and to flush batches a few times a second).
    interval = min(max(stall_ns / 4e9, 0.01), 0.05)
    reported = {}   # loop lane -> (step_no, line)
    while not _stop.wait(interval):
        t = _pc() - _T0
        for st in list(_loops):
            if not st.active or t - st.step_t < stall_ns or st.thread_id is None:
                continue
            step_no = st.step_no
            frame = sys._current_frames().get(st.thread_id)
            uf = user_frame(frame)
            if uf is not None:
                line, func = uf.f_lineno, uf.f_code.co_qualname
            else:
                while frame is not None and frame.f_code.co_filename == _RUNTIME_FILE:
                    frame = frame.f_back
                line, func = 0, (frame.f_code.co_qualname if frame is not None else '?')
            del frame, uf
            if not st.active or st.step_no != step_no or reported.get(st.lane) == (step_no, line):
                continue
            reported[st.lane] = (step_no, line)
            task = st.cur_lane if st.cur_kind == 'task' else -1
            emit(f'"ev":"stall","lane":{st.lane},"task":{task},"since":{st.step_t},'
                 f'"line":{line},"func":{_q(func)}')
        if _buf:
            flush()


# ---------------------------------------------------------------------------------------------
# Start-up, running the script, the end

_exit_code = 0
_exit_how = 'normal'
_tees = []


def _at_exit(code=None, how=None):
    global _final, _exit_code, _exit_how
    if _final:
        return
    if code is not None:
        _exit_code, _exit_how = code, how
    _stop.set()
    for tee in _tees:
        tee.end()
    dropped = sum(_print_dropped.values())
    if dropped:
        note(f'{dropped} printed lines were not recorded (cap {PRINT_CAP})')
    emit(f'"ev":"exit","code":{_exit_code},"how":"{_exit_how}"')
    _final = True
    flush()


def _install_exit_paths():
    atexit.register(_at_exit)   # registered before the script's own: runs after them
    real_exit = os._exit

    @functools.wraps(real_exit)
    def _os_exit(code):
        try:
            _at_exit(code, 'sysexit')
        finally:
            real_exit(code)
    os._exit = _os_exit

    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        def on_sigterm(signum, frame):
            # Write the end of the stream, then die of SIGTERM as a plain run would. If the
            # handler interrupted the main thread inside emit(), emit() does it on its way out.
            global _term_signal
            _term_signal = signum
            if not _lock._is_owned():
                _die_of_signal(signum)
        signal.signal(signal.SIGTERM, on_sigterm)

    def in_child():
        # A forked child (a process pool worker) must not write into our stream, and must not
        # wait for locks that a thread of the parent held at the fork (the watchdog may have
        # been inside emit()): the child's os._exit would hang in _at_exit.
        global _fd, _final, _lock, _emitting
        _fd = -1
        _final = True
        _lock = threading.RLock()
        _emitting = False
        _buf.clear()
        _nested.clear()
        sys.settrace(None)
        threading.settrace(None)
    os.register_at_fork(after_in_child=in_child)


def _parse_args(argv):
    opts = {'fd': None, 'file': None, 'stall_ms': 50}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == '--':
            i += 1
            break
        if a == '--events-fd':
            opts['fd'] = int(argv[i + 1])
            i += 2
        elif a == '--events-file':
            opts['file'] = argv[i + 1]
            i += 2
        elif a == '--stall-ms':
            opts['stall_ms'] = int(argv[i + 1])
            i += 2
        elif a.startswith('-'):
            raise SystemExit(f'loopscope_runtime: unknown option {a}')
        else:
            break
    if i >= len(argv):
        raise SystemExit('usage: loopscope_runtime.py (--events-fd N | --events-file PATH) '
                         '[--stall-ms MS] -- SCRIPT [ARGS...]')
    return opts, argv[i], argv[i + 1:]


def main():
    global _fd, SCRIPT, _exit_code, _exit_how, _T0
    # The run starts now: the time this module took to load is not the script's (a timeline
    # of a short script would start with a blank stretch).
    _T0 = _pc()
    opts, script, script_args = _parse_args(sys.argv[1:])
    if opts['fd'] is not None:
        _fd = opts['fd']
        os.set_inheritable(_fd, False)   # the script's own subprocesses must not hold the pipe
    elif opts['file']:
        _fd = os.open(opts['file'], os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o644)
    SCRIPT = os.path.abspath(script)
    emit(f'"ev":"hello","version":1,"python":"{sys.version.split()[0]}",'
         f'"impl":"{sys.implementation.name}","script":{_q(script)},'
         f'"argv":[{",".join(_q(a) for a in [script] + script_args)}],"pid":{os.getpid()},'
         f'"stall_ms":{opts["stall_ms"]}')
    emit('"ev":"lane","lane":0,"kind":"main","name":"main"')

    # A script that cannot be read or compiled fails as under a plain interpreter.
    try:
        with open(SCRIPT, 'rb') as f:
            source = f.read()
    except OSError as exc:
        sys.stderr.write(f"{sys.orig_argv[0]}: can't open file {SCRIPT!r}: "
                         f"[Errno {exc.errno}] {exc.strerror}\n")
        _at_exit(2, 'exception')
        raise SystemExit(2)
    try:
        code = compile(source, SCRIPT, 'exec', dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        report_exception(exc.with_traceback(None), 0)
        traceback.print_exception(type(exc), exc, None)
        _at_exit(1, 'exception')
        raise SystemExit(1)

    # The script's world: argv, path, __main__, as `python3 SCRIPT ARGS...` would have it.
    sys.argv = [script] + script_args
    sys.path[0] = os.path.dirname(SCRIPT)
    import importlib.machinery
    module = types.ModuleType('__main__')
    module.__dict__.update({
        '__file__': SCRIPT, '__cached__': None, '__package__': None, '__spec__': None,
        '__loader__': importlib.machinery.SourceFileLoader('__main__', SCRIPT),
        '__builtins__': __builtins__, '__annotations__': {},
    })
    sys.modules['__main__'] = module

    import warnings
    with warnings.catch_warnings():      # policies are deprecated from 3.14 on: stay quiet
        warnings.simplefilter('ignore', DeprecationWarning)
        policy = make_policy()
        asyncio.set_event_loop_policy(policy)
    real_new_loop = asyncio.events.new_event_loop

    def new_event_loop():
        if asyncio.events._event_loop_policy is policy:
            return InstrumentedLoop()
        return real_new_loop()      # the script installed a policy of its own
    asyncio.new_event_loop = asyncio.events.new_event_loop = new_event_loop
    asyncio.events.Handle._run = _handle_run
    time.sleep = _traced_sleep
    _install_hooks()
    _install_exit_paths()
    for name in ('stdout', 'stderr'):
        real = getattr(sys, name)
        if real is not None:
            tee = TeeWriter(real, name)
            _tees.append(tee)
            setattr(sys, name, tee)
            if getattr(sys, f'__{name}__') is real:
                # `sys.stdout = sys.__stdout__` (undoing a redirection) must keep the records.
                setattr(sys, f'__{name}__', tee)
    # A bare _thread: threading.enumerate()/active_count() stay as in a plain run, and it never
    # delays interpreter shutdown.
    import _thread
    _thread.start_new_thread(_watchdog, (opts['stall_ms'] * 1_000_000,))
    install_generator_tracing(code)

    try:
        exec(code, module.__dict__)
    except SystemExit as exc:
        c = exc.code
        _exit_code = 0 if c is None else c if isinstance(c, int) else 1
        _exit_how = 'sysexit'
        raise
    except BaseException as exc:
        sys.settrace(None)
        _exit_code = 130 if isinstance(exc, KeyboardInterrupt) else 1
        _exit_how = 'exception'
        clean_traceback(exc)
        report_exception(exc, 0)
        raise
    finally:
        sys.settrace(None)
        threading.settrace(None)


if __name__ == '__main__':
    _SELF = sys.modules['__main__']   # keep this module's globals alive after __main__ changes
    main()
