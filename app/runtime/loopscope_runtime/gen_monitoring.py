"""Generator tracing on 3.12+: sys.monitoring (PEP 669). The same records, with the same
meaning, as gen_settrace.py on 3.11.

- PY_START, PY_RESUME, PY_YIELD, PY_RETURN are local events, switched on for the user's
  generator and iterator code objects only: other code pays nothing.
- PY_THROW and PY_UNWIND are global-only: their callbacks return at once for other code, and
  never return DISABLE (that is an error for them).
- The RESUME after a YIELD_VALUE says what the suspension was (oparg & 3: 1 yield, 2 yield
  from, 3 await): an `await` inside an async generator or an async __anext__ leaves no record.
- 3.13 closes a generator suspended at a yield outside any try block (RESUME oparg bit 4)
  without running it: no event at all. Such a close is recorded where it happens when the
  generator dies (a weakref callback runs just before its finalizer) or when the user's code
  calls its close() (a CALL event on user code that names `close`).
"""

import opcode
import gc
import sys
import threading
import types
import weakref

from . import generators, stream
from .lanes import current_lane
from .generators import (ENTER, GEN_CAP, LEAVE, driver, exit_how, gen_codes, gen_ids, lane_for,
                         lanes_per_code, sampled, stacks, unwrap)
from .stream import emitf, internal_error, quote, short

M = sys.monitoring
E = M.events
DISABLE = M.DISABLE
_LOCAL = E.PY_START | E.PY_RESUME | E.PY_YIELD | E.PY_RETURN
_SILENT_CLOSE = sys.version_info >= (3, 13)
_RESUME = opcode.opmap['RESUME']
_YIELD = opcode.opmap['YIELD_VALUE']
_getframe = sys._getframe
_get_ident = threading.get_ident
_GenType = types.GeneratorType

_tool = None
_call_codes = []        # user code objects with CALL events (3.13: they name `close`)
_gens = {}              # frame (generators) or id(self) (iterators) -> GenInfo
_sites = {}             # (id(code), offset) -> RESUME oparg of that suspension point


def _site(code, offset):
    """The oparg of the RESUME that ends the suspension at `offset` (a YIELD_VALUE, whose
    RESUME follows it, or the RESUME itself)."""
    key = (id(code), offset)
    arg = _sites.get(key)
    if arg is None:
        co = code.co_code
        i = offset + 2 if co[offset] == _YIELD else offset
        arg = co[i + 1] if i + 1 < len(co) and co[i] == _RESUME else 0
        _sites[key] = arg
    return arg


def _key(frame, code, meta):
    """Generators are known by their frame, iterator objects by `self` (its id, with a weak
    reference to tell a reused id apart)."""
    if not meta[2]:
        return frame, None
    if not code.co_varnames:
        return None, None
    obj = frame.f_locals.get(code.co_varnames[0])
    return id(obj), obj


def _info_of(frame, code, meta):
    key, obj = _key(frame, code, meta)
    info = _gens.get(key)
    if info is not None and obj is not None and info.ref is not None and info.ref() is not obj:
        return None
    return info


def _stack():
    ident = _get_ident()
    stack = stacks.get(ident)
    if stack is None:
        stack = stacks[ident] = []
    return stack


def _pop(stack, info):
    if stack and stack[-1] is info:
        stack.pop()
    elif info in stack:
        stack.remove(info)


def _begin(info, meta, frame, how, stack):
    """A new activation (start, resume after a yield, a call of __next__, a throw): recorded,
    or only tracked once the generator is being sampled. Returns DISABLE when this location may
    go quiet until the next epoch (see _quiet)."""
    info.shown = sampled(info, meta)
    info.exc = None
    if not info.shown and _may_disable(info, frame.f_code):
        # Unseen from here to its end; `silent` keeps what the last seen yield said (3.13).
        info.active = False
        return DISABLE
    info.silent = False
    info.active = True
    drv = driver(stack)
    stack.append(info)
    if info.shown:
        emitf(ENTER, info.lane, drv, how, frame.f_lineno)
    return None


def _end(info, stack, frame, how, value, final, iterator):
    """The activation ends: `leave` (the last one of a generator always, as a whole pair)."""
    if info.active:
        _pop(stack, info)
        info.active = False
    drv = driver(stack)
    if not info.shown and final:
        emitf(ENTER, info.lane, drv, 'resume', frame.f_lineno)
        info.shown = True
    if info.shown:
        emitf(LEAVE, info.lane, drv, how, value, frame.f_lineno)
    if final and not iterator:
        _gens.pop(frame, None)


# -- sampling without a callback per activation -------------------------------------------------
# Past GEN_CAP a generator's resume and yield locations may return DISABLE: its unrecorded
# activations then cost nothing. DISABLE is per code location, for every object of that code,
# so only for code with a single generator object so far. Once this epoch's sample has been
# taken nothing else of it is recorded before the next epoch, whose start re-enables every
# location (restart_events); the end of a generator (PY_RETURN, PY_UNWIND) is never disabled.

_disabled = set()        # id(code) of codes with disabled locations since the last restart


def _may_disable(info, code):
    if info.epoch != generators.epoch or lanes_per_code.get(id(code)) != 1:
        return False
    _disabled.add(id(code))
    return True


def new_epoch():
    if _disabled and _tool is not None:
        _disabled.clear()
        M.restart_events()


def _on_start(code, offset):
    try:
        meta = gen_ids[id(code)]
        frame = _getframe(1)
        stack = _stack()
        key, obj = _key(frame, code, meta)
        if key is None:
            return
        info = _gens.get(key) if meta[2] else None
        if info is not None and info.ref is not None and info.ref() is not obj:
            info = None
        if info is None:
            if id(code) in _disabled:  # a second object of a code that went quiet: wake it
                _disabled.discard(id(code))
                M.restart_events()
            info = lane_for(meta, code, driver(stack))
            if info is None:
                return
            if meta[2]:
                try:
                    info.ref = weakref.ref(obj)
                except TypeError:
                    pass
            _gens[key] = info
        _begin(info, meta, frame, 'call' if meta[2] else 'start', stack)
    except Exception:   # a loopscope bug must not change the script
        internal_error('generator tracing')


def _on_resume(code, offset):
    try:
        meta = gen_ids[id(code)]
        frame = _getframe(1)
        info = _info_of(frame, code, meta)
        if info is None:
            return None
        if _site(code, offset) & 3 == 3:        # back from an `await`: the same activation
            if info.active:
                _stack().append(info)
                return None
            return DISABLE if _may_disable(info, code) else None
        return _begin(info, meta, frame, 'resume', _stack())
    except Exception:   # a loopscope bug must not change the script
        internal_error('generator tracing')
        return None


def _on_yield(code, offset, value):
    try:
        meta = gen_ids[id(code)]
        frame = _getframe(1)
        info = _info_of(frame, code, meta)
        if info is None:
            return None
        if not info.active:                     # an activation not seen (sampled out)
            return DISABLE if _may_disable(info, code) else None
        stack = _stack()
        arg = _site(code, offset)
        if arg & 3 == 3:
            _pop(stack, info)                   # an `await`: the task lane shows the wait
            return None
        if info.closing:
            _end(info, stack, frame, 'close', '', True, meta[2])
            return None
        shown = info.shown
        _end(info, stack, frame, 'yield',
             f',"value":{quote(short(unwrap(value)))}' if shown else '', False, meta[2])
        if _SILENT_CLOSE and arg & 4 and not meta[2]:
            _watch_silent_close(info, frame)
        if info.count >= GEN_CAP and _may_disable(info, code):
            return DISABLE                      # this epoch's sample is taken
        return None
    except Exception:   # a loopscope bug must not change the script
        internal_error('generator tracing')
        return None


def _on_return(code, offset, value):
    # Never DISABLE: the end of a generator is always recorded.
    try:
        meta = gen_ids[id(code)]
        frame = _getframe(1)
        info = _info_of(frame, code, meta)
        if info is None:
            return
        stack = _stack()
        if info.closing:
            _end(info, stack, frame, 'close', '', True, meta[2])
        else:
            _end(info, stack, frame, 'return', f',"value":{quote(short(value))}', not meta[2],
                 meta[2])
    except Exception:   # a loopscope bug must not change the script
        internal_error('generator tracing')


def _on_throw(code, offset, exc):
    # Global: called for every frame anything is thrown into. Never DISABLE.
    meta = gen_ids.get(id(code))
    if meta is None:
        return
    try:
        frame = _getframe(1)
        info = _info_of(frame, code, meta)
        if info is None:
            return
        if isinstance(exc, GeneratorExit):
            info.closing = True
        stack = _stack()
        if _site(code, offset) & 3 == 3:
            if info.active:
                stack.append(info)  # thrown in at an `await`: the same activation goes on
            return
        info.shown = sampled(info, meta)
        info.exc = None
        info.silent = False
        info.active = True
        drv = driver(stack)
        stack.append(info)
        if info.shown:
            emitf(ENTER, info.lane, drv, 'resume', frame.f_lineno)
    except Exception:   # a loopscope bug must not change the script
        internal_error('generator tracing')


def _on_unwind(code, offset, exc):
    # Global: called for every frame an exception leaves. Never DISABLE.
    meta = gen_ids.get(id(code))
    if meta is None:
        return
    try:
        frame = _getframe(1)
        info = _info_of(frame, code, meta)
        if info is None:
            return
        stack = _stack()
        if info.closing:
            how, value = 'close', ''
        else:
            how, value = exit_how(type(exc))
        final = how == 'stop' if meta[2] else True
        _end(info, stack, frame, how, value, final, meta[2])
    except Exception:   # a loopscope bug must not change the script
        internal_error('generator tracing')


# -- 3.13: closes that emit no event ----------------------------------------------------------

def _watch_silent_close(info, frame):
    """The generator now sits at a yield that 3.13's close() skips: record such a close when
    the generator dies or the user's code closes it."""
    info.silent = True
    info.line = frame.f_lineno
    if info.ref is None:
        gen = _generator_of(frame)
        if gen is None:
            return
        info.ref = weakref.ref(gen, lambda _ref, info=info, frame=frame: _died(info, frame))


def _generator_of(frame):
    """The generator object that runs `frame`. Python offers no link from a frame to its
    generator; the garbage collector has one (a new generator is usually among the youngest
    objects, so look there first)."""
    for objects in (gc.get_objects(generation=0), gc.get_referrers(frame)):
        for obj in objects:
            if type(obj) is _GenType and obj.gi_frame is frame:
                return obj
    return None


def _died(info, frame):
    try:
        if _tool is not None and info.silent and _gens.get(frame) is info:
            _silent_close(info, frame)
    except Exception:
        internal_error('generator tracing')


def _silent_close(info, frame):
    info.silent = False
    drv = driver(_stack())
    emitf(ENTER, info.lane, drv, 'resume', info.line)
    emitf(LEAVE, info.lane, drv, 'close', '', info.line)
    _gens.pop(frame, None)


def _on_call(code, offset, callable_, arg0):
    # Only on the user's code objects that name `close`: every other call site is disabled on
    # its first call.
    if getattr(callable_, '__name__', None) != 'close':
        return DISABLE
    try:
        # `g.close()` calls the method descriptor with g as arg0; a bound `close` has __self__.
        gen = arg0 if type(arg0) is _GenType else getattr(callable_, '__self__', None)
        if type(gen) is _GenType and gen.gi_suspended:
            frame = gen.gi_frame
            info = _gens.get(frame)
            if info is not None and info.silent:
                _silent_close(info, frame)
    except Exception:   # a loopscope bug must not change the script
        internal_error('generator tracing')


def _user_code_naming_close(codes):
    seen = set()
    todo = list(codes)
    found = []
    while todo:
        c = todo.pop()
        if c in seen:
            continue
        seen.add(c)
        todo.extend(k for k in c.co_consts if isinstance(k, types.CodeType))
        if 'close' in c.co_names:
            found.append(c)
    return found


def install(script_code=None):
    global _tool
    for tool in (5, 4, 3, 2):      # the ids left free for tools like us (not debugger/coverage)
        try:
            M.use_tool_id(tool, 'loopscope')
        except ValueError:
            continue
        _tool = tool
        break
    else:
        from .stream import note
        note('generator tracing is off: no sys.monitoring tool id is free')
        return
    on_resume, on_yield = _on_resume, _on_yield
    if stream._accel:    # the same, recorded activations of plain generators in C
        on_resume, on_yield = stream._accel.init_gen_monitoring(
            generators.GenInfo, gen_ids, _gens, _sites, stacks, GEN_CAP, ENTER, LEAVE, quote,
            current_lane, _on_resume, _on_yield, _watch_silent_close if _SILENT_CLOSE else None,
            internal_error)
    for event, callback in ((E.PY_START, _on_start), (E.PY_RESUME, on_resume),
                            (E.PY_YIELD, on_yield), (E.PY_RETURN, _on_return),
                            (E.PY_THROW, _on_throw), (E.PY_UNWIND, _on_unwind)):
        M.register_callback(_tool, event, callback)
    for code in gen_codes:
        M.set_local_events(_tool, code, _LOCAL)
    M.set_events(_tool, E.PY_THROW | E.PY_UNWIND)
    if _SILENT_CLOSE and script_code is not None:
        M.register_callback(_tool, E.CALL, _on_call)
        for code in _user_code_naming_close([script_code]):
            M.set_local_events(_tool, code, M.get_local_events(_tool, code) | E.CALL)
            _call_codes.append(code)


def uninstall():
    global _tool
    if _tool is None:
        return
    tool, _tool = _tool, None
    try:
        M.set_events(tool, 0)
        for code in list(gen_codes) + _call_codes:
            M.set_local_events(tool, code, 0)
        M.free_tool_id(tool)
    except Exception:
        pass
