"""The instrumented event loop: task steps, wake-ups, callbacks, idle waits and executor jobs
(records `run`, `suspend`, `done`, `cb`, `idle`, `job`; docs/trace-format.md)."""

import asyncio
import concurrent.futures
import functools
import sys
import threading
import weakref

from . import stream, user_code
from .labels import frame_rules, frame_rule, wait_fields, walk_await_chain
from .lanes import asyncio_imported, current_lane, live_loops, new_lane, thread_lanes
from .problems import clean_traceback, report_exception
from .threads import traced_job
from .stream import emit, emitf, fmt_num, internal_error, now, perf_ns, quote, short, text_of
from .user_code import user_line

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
_SLEEP_0 = wait_fields('sleep(0)', 'sleep')
_FUTURE = wait_fields('Future', 'future')
_UNKNOWN_WAIT = wait_fields('?', 'other')
# The records of every task step (stream.emitf templates: `{}` fields only).
_RUN = '"ev":"run","lane":{},"line":{},"ready":{},"by":{},"why":"{}"'
_RUN_LATE = '"ev":"run","lane":{},"line":{},"ready":{},"by":{},"why":"timer","late":{}'
_SUSPEND = '"ev":"suspend","lane":{},"line":{},{},"target":{}'


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
        line = code.co_firstlineno if code is not None and code.co_filename == user_code.SCRIPT else 0
        if name in _SKIP_CB:
            kind = 'skip'
        elif any(p in name for p in _IO_CB):
            kind = 'io'
        else:
            kind = 'cb'
        meta = (f'"name":{quote(name)},"line":{line}', kind)
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
    if not live_loops and _last_loop_lane in _free_loop_lanes:
        _free_loop_lanes.discard(_last_loop_lane)
        return _last_loop_lane
    _loop_lanes_made += 1
    n = _loop_lanes_made
    _last_loop_lane = new_lane('loop', 'loop' if n == 1 else f'loop {n}')
    return _last_loop_lane


class LoopState:
    """Everything loopscope knows about one instrumented loop."""
    __slots__ = ('loop', 'lane', 'thread_id', 'tasks', 'sleep_delays', 'jobs', 'threadsafe',
                 'chained', 'cur_lane', 'cur_kind', 'cur_by', 'cur_late', 'active', 'step_t',
                 'step_no')

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
            lane = new_lane('task', name, f',"coro":{quote(qual)},"parent":{parent},"line":{line},'
                                          f'"loop":{self.lane}')
            start_line = code.co_firstlineno if code is not None and code.co_filename == user_code.SCRIPT else 0
            info = TaskInfo(lane, name, start_line, now(), parent)
            key = id(task)
            tasks = self.tasks
            info.ref = weakref.ref(task, lambda _r: tasks.pop(key, None))
            tasks[key] = info
            return info
        except Exception:   # a loopscope bug must not change the script
            internal_error('task creation')
            return None

    def scheduled(self, handle, callback, args):
        """call_soon(callback, *args) made `handle`: a task's wake-up (or first step), or a
        callback scheduled by a task step."""
        task = getattr(callback, '__self__', None)
        info = self.tasks.get(id(task)) if task is not None else None
        if info is not None:         # a registered task is alive: an object with its id is it
            if not args:             # the hot path: a task rescheduled after sleep(0)
                info.why = 'soon'
                info.by = self.cur_lane
                info.late = 0
                info.ready = perf_ns() - stream.T0
            else:
                self.woken(info, args)
        elif task is not None and isinstance(task, _TASK_TYPES):
            if not task.done():
                self.register(task)
        elif self.cur_kind == 'task':
            chained = self.chained
            if len(chained) > 4096:
                chained.clear()
            chained[handle] = self.cur_lane

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
            info.ready = perf_ns() - stream.T0
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
                    emit(f'"ev":"rename","lane":{lane},"name":{quote(name)}')
            why = info.why
            self.cur_lane = lane
            self.cur_kind = 'task'
            self.step_no += 1
            if why == 'timer':
                self.step_t = emitf(_RUN_LATE, lane, info.line, info.ready, info.by, info.late)
            else:
                self.step_t = emitf(_RUN, lane, info.line, info.ready, info.by, why)
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
        emit(f'"ev":"done","lane":{info.lane},"outcome":"{outcome}","detail":{quote(detail)},'
             f'"line":{info.line}')

    def outcome(self, task, info):
        if task.cancelled():
            outcome, detail = 'cancelled', ''
        else:
            exc = task._exception
            if exc is not None:
                outcome, detail = 'exception', f'{type(exc).__name__}: {text_of(exc)}'
                tb = exc.__traceback__
                while tb is not None:        # the line that raised, in the user's file
                    if tb.tb_frame.f_code.co_filename == user_code.SCRIPT:
                        info.line = tb.tb_lineno
                    tb = tb.tb_next
            else:
                outcome, detail = 'result', short(task.result())
        return outcome, detail

    def suspend(self, task, info, walked=None):
        """The `suspend` record of a task that just suspended (`walked`: the walk of its await
        chain, when the caller made it already: accel/task_steps.c)."""
        try:
            line, fields, target = self.describe_wait(task, walked)
        except Exception:   # the record must come anyway: the lane alternates run/suspend
            internal_error('awaiting labels')
            line, fields, target = 0, _UNKNOWN_WAIT, -1
        info.line = line
        emitf(_SUSPEND, info.lane, line, fields, target)

    def describe_wait(self, task, walked=None):
        """(await line, the `awaiting` and `wait` fields, target lane) of a task that just
        suspended. The fields of a fixed label come ready-made from its rule (labels.py)."""
        line, label_frame = walked or walk_await_chain(task.get_coro())
        if label_frame is not None:
            code = label_frame.f_code
            rule = frame_rules.get(id(code)) or frame_rule(code)
            mode = rule[0]
            if mode == 'fixed':
                return line, rule[4], -1
            if mode == 'wait':
                fs = label_frame.f_locals.get('fs')
                return line, wait_fields(f'wait({len(fs)})' if fs is not None else 'wait()',
                                         'gather'), -1
            if mode == 'wait_for':
                locals_ = label_frame.f_locals
                target = -1
                inner = locals_.get('fut')     # 3.11 runs the awaited coroutine as a task
                if isinstance(inner, _TASK_TYPES) and id(inner) in self.tasks:
                    target = self.tasks[id(inner)].lane
                return line, wait_fields(f"wait_for({fmt_num(locals_.get('timeout'))})",
                                         'other'), target
        # 'terminal' (sleep, to_thread), or no frame to go by: named after the awaited future
        waiter = task._fut_waiter
        if waiter is None:
            return line, _SLEEP_0, -1
        if isinstance(waiter, _TASK_TYPES):
            other = self.tasks.get(id(waiter))
            return (line, wait_fields(f'Task {waiter.get_name()}', 'task'),
                    other.lane if other is not None else -1)
        if waiter in self.sleep_delays:
            return line, wait_fields(f'sleep({fmt_num(self.sleep_delays.pop(waiter))})',
                                     'sleep'), -1
        if waiter in self.jobs:
            job = self.jobs[waiter]     # kept until the future goes: its wake-up needs it
            return line, wait_fields(job[0], 'thread'), job[1]
        if _GatheringFuture is not None and type(waiter) is _GatheringFuture:
            return line, wait_fields(f'gather({len(waiter._children)})', 'gather'), -1
        return line, _FUTURE, -1

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
            self.step_t = perf_ns() - stream.T0
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
    # Not inside an `except`: an exception the callback raises must not get a __context__.
    st = getattr(self._loop, '_ls', None)
    if type(st) is not LoopState:       # a loop of another kind (or a Mock in asyncio's tests)
        return _orig_handle_run(self)
    cb = self._callback
    task = getattr(cb, '__self__', None)
    if task is not None:
        # A registered task is alive, so an object with its id is that task.
        info = st.tasks.get(id(task))
        if info is not None:
            return st.run_step(self, task, info)
        if isinstance(task, _TASK_TYPES):
            return _orig_handle_run(self)  # asyncio's own shutdown tasks: not shown
    return st.run_callback(self, cb)


_base_call_soon = asyncio.SelectorEventLoop.call_soon


class InstrumentedLoop(asyncio.SelectorEventLoop):
    """A SelectorEventLoop that reports its steps, wake-ups, waits and executor jobs."""
    _ls = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._ls = st = LoopState(self)
        live_loops.append(st)
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
            live_loops.remove(self._ls)    # the watchdog stops looking; the loop may be collected
            _free_loop_lanes.add(self._ls.lane)
        except ValueError:             # closed before
            pass

    def call_soon(self, callback, *args, context=None):
        handle = _base_call_soon(self, callback, *args, context=context)
        if handle._source_traceback:
            del handle._source_traceback[-1]   # debug mode: "created at" names the caller, not us
        self._ls.scheduled(handle, callback, args)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        # Recorded before scheduling: the loop may run the handle before this call returns.
        ident = threading.get_ident()
        entry = thread_lanes.get(ident)   # only threads already shown (not asyncio's own)
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
        entry = [f'{via}({name})', -1]
        job_call = traced_job(func, name, via, waiter, entry)
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
                     f'"text":{quote(str(context.get("message", "")))},"line":0')
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


def install():
    """Makes every new event loop an instrumented one (asyncio.run, Runner, new_event_loop,
    the legacy get_event_loop()), unless the script installs a policy of its own. Called when
    the script imports asyncio (asyncio_hook.py)."""
    asyncio_imported(asyncio.events._get_running_loop)
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
    if stream._accel:      # the same, task wake-ups and steps in C (accel/task_steps.c)
        asyncio.events.Handle._run, InstrumentedLoop.call_soon = stream._accel.init_task_steps(
            LoopState, TaskInfo, _TASK_TYPES, _orig_handle_run, _base_call_soon,
            InstrumentedLoop.call_soon, _RUN, _RUN_LATE, _SUSPEND, _SLEEP_0, frame_rules,
            internal_error)
