"""What a suspended task waits for: a human label from the awaited chain, cached per code
object (the `awaiting`/`wait` fields of `suspend`)."""

import gc
import types

from . import stream
from .stream import quote
from .user_code import code_kind, code_kinds

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
_PASS_THROUGH = {'_ContextManagerMixin.__aenter__'}   # a set (the C twin takes a set)
_CoroType = types.CoroutineType
_GenType = types.GeneratorType


# id(code) -> how to label a wait whose first frame below the user is that code (keyed by id,
# see user_code.code_kinds; the rule holds the code)
frame_rules = {}


def wait_fields(label, wait):
    """The `awaiting` and `wait` fields of a `suspend` record."""
    return f'"awaiting":{quote(label)},"wait":"{wait}"'


def frame_rule(code):
    """(mode, wait, label, code, fields): mode 'fixed' (fields: those of the label, ready to
    write), 'wait', 'wait_for', or 'terminal' ("label it after the awaited future": sleep,
    to_thread)."""
    kind, qual, _ = code_kind(code)
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
    rule += (code, wait_fields(rule[2], rule[1]))
    frame_rules[id(code)] = rule
    return rule


async def _probe_agen():
    yield


_AGenType = type(_probe_agen())
def _awaitable_type(make):
    awaitable = make(_probe_agen())
    awaitable.close()          # never awaited: closed, so 3.13 has nothing to warn about
    return type(awaitable)


_AGEN_AWAITABLES = (_awaitable_type(lambda g: g.asend(None)),
                    _awaitable_type(lambda g: g.athrow(GeneratorExit)))


def agen_of(awaitable):
    """The async generator of an asend/athrow object (what `async for` awaits), or None: it
    exposes no attribute for it; the garbage collector's view of its references does."""
    return next((r for r in gc.get_referents(awaitable) if type(r) is _AGenType), None)


def walk_await_chain(obj):
    """(line of the innermost user await, first non-user frame below it; for a library task,
    the first asyncio frame). Runs at every task suspension: tight on purpose (one kind lookup
    per frame, the line of the user's frame computed once)."""
    user_frame = label_frame = asyncio_frame = None
    kinds = code_kinds
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
            obj = agen_of(obj)
            continue
        else:
            break
        if f is None:
            break
        code = f.f_code
        kind, qual, _ = kinds.get(id(code)) or code_kind(code)
        if kind == 'user':
            user_frame = f
            label_frame = asyncio_frame = None
        else:
            if label_frame is None and not (kind == 'asyncio' and qual in _PASS_THROUGH):
                label_frame = f
            if asyncio_frame is None and kind == 'asyncio':
                asyncio_frame = f
        obj = nxt
    if user_frame is None:
        # a library task: name the asyncio primitive it waits on
        return 0, asyncio_frame if asyncio_frame is not None else label_frame
    return user_frame.f_lineno, label_frame


py_walk_await_chain = walk_await_chain
if stream._accel:     # its C twin (app/runtime/accel/await_chain.c)
    stream._accel.init_await_walk(code_kinds, code_kind, _PASS_THROUGH, _AGEN_AWAITABLES, agen_of)
    walk_await_chain = stream._accel.walk_await_chain
