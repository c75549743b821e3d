"""Generators and user iterators of the user's script (`enter`/`leave` records on gen lanes):
what is traced, the per-generator caps, and the choice of mechanism (sys.settrace on 3.11,
sys.monitoring on 3.12+: gen_settrace.py, gen_monitoring.py). Both give the same stream:
docs/trace-format.md, "Generators and user iterators"."""

import gc
import sys
import types

from .lanes import current_lane, new_lane
from .stream import note

GEN_CAP = 2000          # enter/leave pairs recorded per generator before sampling
# Past the cap, the first activation of each epoch is recorded (and always the last one). The
# watchdog starts a new epoch at each of its ticks (a quarter of stall_ms, 10-50 ms).
epoch = 0
LANES_PER_CODE = 200    # generator objects given a lane per generator function
# The records of an activation (stream.emitf templates; LEAVE's fourth field is `,"value":...`
# or empty).
ENTER = '"ev":"enter","lane":{},"from":{},"how":"{}","line":{}'
LEAVE = '"ev":"leave","lane":{},"from":{},"how":"{}"{},"line":{}'

gen_codes = {}          # code -> (lane name, obj kind, is_iterator)
# The same by id(code), for the hot paths: hashing a code object hashes its contents (its whole
# bytecode on 3.12+: 1-2 us), an id costs nothing. gen_codes keeps the codes alive, so an id
# seen here is that code.
gen_ids = {}
lanes_per_code = {}     # id(code) -> generator objects given a lane
stacks = {}             # thread ident -> stack of the GenInfo of frames running on it


class GenInfo:
    __slots__ = ('lane', 'count', 'shown', 'exc', 'closing', 'ref', 'noted', 'silent', 'line',
                 'epoch', 'active')

    def __init__(self, lane):
        self.lane = lane
        self.count = 0
        self.shown = True
        self.exc = None
        self.closing = False
        self.ref = None
        self.noted = False
        self.silent = False     # 3.13: suspended where close() runs nothing (gen_monitoring)
        self.line = 0
        self.epoch = -1         # the epoch whose sample was taken (past the cap)
        self.active = False     # an activation of it is running and was seen


def find_generator_code(code):
    found = {}
    stack = [code]
    while stack:
        c = stack.pop()
        stack.extend(k for k in c.co_consts if isinstance(k, types.CodeType))
        flags = c.co_flags
        if c.co_name == '<genexpr>':
            # Generator expressions are consumed on the spot (sum(...), gather(*...)); tracing
            # them would cost more than they show (and switch on sys.settrace on 3.11).
            continue
        if flags & 0x20:                          # CO_GENERATOR
            found[c] = (c.co_qualname, 'generator', False)
        elif flags & 0x200:                       # CO_ASYNC_GENERATOR
            found[c] = (c.co_qualname, 'async_generator', False)
        elif c.co_name in ('__next__', '__anext__') and '.' in c.co_qualname:
            cls = c.co_qualname.rsplit('.', 1)[0]
            found[c] = (cls, 'iterator' if c.co_name == '__next__' else 'async_iterator', True)
    return found


def driver(stack):
    """`from` of an enter/leave: the innermost traced frame running on this thread, else the
    task, thread or main lane."""
    return stack[-1].lane if stack else current_lane()


def lane_for(meta, code, drv):
    """A new GenInfo with its lane, or None past LANES_PER_CODE objects of this code (noted)."""
    n = lanes_per_code.get(id(code), 0)
    if n >= LANES_PER_CODE:
        if n == LANES_PER_CODE:
            lanes_per_code[id(code)] = n + 1
            note(f'{meta[0]}: more than {LANES_PER_CODE} objects; later ones are not traced')
        return None
    lanes_per_code[id(code)] = n + 1
    return GenInfo(new_lane('gen', meta[0], f',"obj":"{meta[1]}","parent":{drv},'
                                            f'"line":{code.co_firstlineno}'))


def sampled(info, meta):
    """Whether this new activation is recorded: all up to GEN_CAP, then the first of each
    epoch (a `note` says when sampling starts)."""
    if meta[2] or info.count < GEN_CAP:
        info.count += 1
        return True
    if not info.noted:
        info.noted = True
        note(f'{meta[0]}: more than {GEN_CAP} steps; recording about one step per '
             f'{tick_ms():g} ms from now on (and the last one)')
    if info.epoch == epoch:
        return False
    info.epoch = epoch
    return True


_tick_ms = 12.5


def tick_ms():
    return _tick_ms


def start_epochs(interval_ms):
    global _tick_ms
    _tick_ms = interval_ms


def new_epoch():
    """The watchdog's tick: the next activation of each sampled generator is recorded."""
    global epoch
    epoch += 1
    if _impl is not None:
        _impl.new_epoch()


def unwrap(value):
    """What an async generator's __anext__ returns for a yielded value (the yield itself
    carries a wrapper that Python code cannot open but the GC can)."""
    if type(value).__name__ == 'async_generator_wrapped_value':
        refs = gc.get_referents(value)
        return refs[0] if refs else value
    return value


def exit_how(exc):
    """How a frame that ended by an exception left: ('stop'|'close'|'raise', exc field)."""
    if exc is not None and issubclass(exc, (StopIteration, StopAsyncIteration)):
        return 'stop', ''
    if exc is not None and issubclass(exc, GeneratorExit):
        return 'close', ''
    return 'raise', (f',"exc":"{exc.__name__}"' if exc is not None else '')


_impl = None            # the module doing the tracing, once installed


def install(code):
    """Traces the generators and iterator classes defined in the script's code."""
    global _impl
    gen_codes.update(find_generator_code(code))
    gen_ids.update((id(c), meta) for c, meta in gen_codes.items())
    if not gen_codes:
        return
    if sys.version_info >= (3, 12):
        from . import gen_monitoring as _impl
    else:
        from . import gen_settrace as _impl
    _impl.install(code)


def uninstall():
    if _impl is not None:
        _impl.uninstall()
