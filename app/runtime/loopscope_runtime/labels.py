"""What a suspended task waits for: a human label from the awaited chain, cached per code
object (the `awaiting`/`wait` fields of `suspend`)."""

import gc
import types

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
_PASS_THROUGH = {'_ContextManagerMixin.__aenter__'}
_CoroType = types.CoroutineType
_GenType = types.GeneratorType


frame_rules = {}   # code -> how to label a wait whose first frame below the user is that code


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
    frame_rules[code] = rule
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
        kind, qual = code_kinds.get(code) or code_kind(code)
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
