"""Generator tracing on 3.11: sys.settrace, with a local tracer only on frames of the user's
generators and iterator classes (other frames cost one global call each, at their start).

Facts it relies on (3.11 bytecode): a `call` whose instruction at f_lasti is RESUME with oparg 0
is a first start, otherwise a resume; a `return` at YIELD_VALUE is a suspension, at
RETURN_VALUE a final return, anything else an exception exit; the RESUME after each YIELD_VALUE
says yield (1), yield from (2) or await (3)."""

import opcode
import sys
import threading
import weakref

from . import generators, stream
from .generators import (ENTER, LEAVE, driver, exit_how, gen_ids, lane_for, sampled, stacks,
                         unwrap)
from .stream import emitf, internal_error, quote, short

_OP = opcode.opmap
_RESUME = _OP['RESUME']
_YIELD = _OP['YIELD_VALUE']
_RETURNS = {_OP[n] for n in ('RETURN_VALUE', 'RETURN_CONST') if n in _OP}
_code_bytes = {}        # id(code) -> its bytecode (a code of gen_ids: alive)
_get_ident = threading.get_ident
_gens = {}              # frame (generators) or id(self) (iterators) -> GenInfo
# The generator frames whose activations are not recorded until the next epoch (sampled out):
# frame -> (GenInfo, its thread's stack, thread ident, the code's YIELD_VALUE offsets). Both
# tracers look here first: in a trace function every operation counts (each costs about as
# much as a whole plain generator step), and this is the path of all but one activation per
# epoch of a generator past its cap. Emptied at every epoch (the watchdog's tick).
_skipping = {}
_yields = {}            # id(code) -> frozenset of its YIELD_VALUE offsets (a code of gen_ids)


def _resume_arg(co, i):
    """The oparg of the RESUME after the YIELD_VALUE at byte offset i (1 yield, 2 yield from,
    3 await), or -1."""
    if i + 3 < len(co) and co[i + 2] == _RESUME:
        return co[i + 3] & 3
    return -1


def _gen_call(frame, event, arg):
    """Global trace function: only frames of the user's generators get a local tracer."""
    try:
        skip = _skipping.get(frame)
        if skip is not None and skip[2] == _get_ident():
            skip[1].append(skip[0])
            return _gen_skip
        code = frame.f_code
        meta = gen_ids.get(id(code))
        if meta is None:
            return None
        if not meta[2]:
            info = _gens.get(frame)
            if info is not None and not info.shown and info.epoch == generators.epoch:
                # The hot path of a sampled generator: its activations this epoch are not
                # recorded (an await resume continues an unrecorded one). Still on the stack,
                # so that generators it drives name it in `from`.
                stack = stacks.get(_get_ident())
                if stack is None:
                    stack = stacks[_get_ident()] = []
                stack.append(info)
                return _gen_skip
        co = _code_bytes.get(id(code))
        if co is None:
            co = _code_bytes[id(code)] = code.co_code
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
                stacks.setdefault(threading.get_ident(), []).append(info)
                return _gen_local if info.shown else _gen_skip
            return _gen_local
        if meta[2]:
            how = 'call' if how == 'start' else 'resume'
        stack = stacks.setdefault(threading.get_ident(), [])
        drv = driver(stack)
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
            info = lane_for(meta, code, drv)
            if info is None:
                return None
            if meta[2]:
                try:
                    info.ref = weakref.ref(obj)
                except TypeError:
                    pass
            _gens[key] = info
        frame.f_trace_lines = False
        info.shown = sampled(info, meta)
        info.exc = None
        stack.append(info)
        if not info.shown:
            if not meta[2]:
                _skipping[frame] = (info, stack, _get_ident(), _yield_offsets(code, co))
            return _gen_skip
        emitf(ENTER, info.lane, drv, how, frame.f_lineno)
        return _gen_local
    except Exception:   # a loopscope bug must not change the script
        internal_error('generator tracing')
        return None


def _gen_skip(frame, event, arg):
    """Local tracer of an unrecorded activation: cheap, silent unless the generator ends."""
    try:
        if event == 'return':
            skip = _skipping.get(frame)
            if (skip is not None and frame.f_lasti in skip[3] and not skip[0].closing
                    and skip[2] == _get_ident()):
                skip[1].pop()                    # suspended at a yield: nothing to record
                return _gen_skip
            info = _gens.get(frame)
            if info is not None and (info.closing or _code_bytes[id(frame.f_code)][frame.f_lasti] != _YIELD):
                return _gen_local(frame, event, arg)     # the end: recorded as a whole pair
            stack = stacks.get(_get_ident())
            if stack:
                stack.pop()
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
            info = _gens.get(frame) if not gen_ids[id(frame.f_code)][2] else None
            exc_type = arg[0]
            if info is not None and issubclass(exc_type, GeneratorExit):
                info.closing = True
            stack = stacks.get(threading.get_ident())
            if stack:
                stack[-1].exc = exc_type
            return _gen_local
        if event != 'return':
            return _gen_local
        code = frame.f_code
        meta = gen_ids[id(code)]
        stack = stacks.get(threading.get_ident())
        info = stack.pop() if stack else None
        if info is None:
            return None
        co = _code_bytes[id(code)]
        i = frame.f_lasti
        op = co[i] if 0 <= i < len(co) else -1
        value = ''
        final = True
        if op == _YIELD and _resume_arg(co, i) == 3:
            return _gen_local              # an await inside an async generator (even closing)
        if op == _YIELD and not info.closing:
            if not info.shown:
                return _gen_local          # a sampled-out activation
            how = 'yield'
            value = f',"value":{quote(short(unwrap(arg)))}'
            final = False
        elif info.closing or (op == _YIELD):
            how = 'close'
        elif op in _RETURNS:               # a plain return (an exception caught inside is no exit)
            how = 'return'
            value = f',"value":{quote(short(arg))}'
        else:
            how, value = exit_how(info.exc)
        if meta[2]:
            final = False                  # an iterator object lives on after each __next__
            if how == 'stop':
                final = True
        if info.shown or final:
            drv = driver(stack)
            if not info.shown:             # the end is always recorded, as a whole pair
                emitf(ENTER, info.lane, drv, 'resume', frame.f_lineno)
                info.shown = True
            emitf(LEAVE, info.lane, drv, how, value, frame.f_lineno)
        if final and not meta[2]:
            _gens.pop(frame, None)
            _skipping.pop(frame, None)
        return _gen_local
    except Exception:   # a loopscope bug must not change the script
        internal_error('generator tracing')
        return None


def install(script_code=None):
    accel = stream._accel
    if accel:     # the same tracing, sampled-out activations handled in C (accel/gen_trace.c)
        accel.settrace_generators(_gen_call, _gen_skip, _skipping)
    else:
        sys.settrace(_gen_call)
    threading.settrace(_gen_call)


def _yield_offsets(code, co):
    offsets = _yields.get(id(code))
    if offsets is None:
        offsets = _yields[id(code)] = frozenset(i for i in range(0, len(co), 2)
                                                if co[i] == _YIELD)
    return offsets


def new_epoch():
    """The watchdog's tick (its thread): the next activation of each sampled-out generator
    takes the full path and is recorded. A tracer that read an entry just before is one
    activation late, which sampling allows."""
    _skipping.clear()


def uninstall():
    sys.settrace(None)
    threading.settrace(None)
