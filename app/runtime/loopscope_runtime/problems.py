"""Exceptions and warnings: records for uncaught exceptions (script, tasks, threads) and
warnings, and tracebacks cleaned of the runtime's frames so they read as in a plain run."""

import os
import sys
import threading
import types

from . import stream, user_code
from .lanes import current_lane, thread_lane
from .stream import emit, quote
from .user_code import is_runtime_file, user_line

def clean_traceback(exc, _seen=None):
    """Drops the runtime's frames from an exception's traceback (and its chain) so that printed
    tracebacks are those of a plain run."""
    seen = _seen if _seen is not None else set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        tb = exc.__traceback__
        entries = []
        outermost = True     # runpy's frames that started the runtime (python3 FOLDER) go too
        while tb is not None:
            filename = tb.tb_frame.f_code.co_filename
            if is_runtime_file(filename):
                pass
            elif outermost and _is_runpy(filename):
                pass
            else:
                outermost = False
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


def _is_runpy(filename):
    return filename == '<frozen runpy>' or filename.endswith(f'{os.sep}runpy.py')


def _tb_len(tb):
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    return n


def report_exception(exc, lane, prefix=''):
    import traceback     # not at start-up: it imports linecache and tokenize
    text = ''.join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    line = 0
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == user_code.SCRIPT:
            line = tb.tb_lineno
        tb = tb.tb_next
    if not line and isinstance(exc, SyntaxError) and exc.filename == user_code.SCRIPT:
        line = exc.lineno or 0
    message = str(exc)
    if prefix:
        message = f'{prefix}: {message}' if message else prefix
    if not stream.tracing():
        return
    emit(f'"ev":"exception","lane":{lane},"type":{quote(type(exc).__qualname__)},'
         f'"message":{quote(message)},"traceback":{quote(text)},"line":{line}', always=True)


def install():
    """Exceptions (main thread, threads) and warnings become records; output stays unchanged."""
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
            ln = msg.lineno if msg.filename == user_code.SCRIPT else user_line(sys._getframe(1))
            emit(f'"ev":"warning","lane":{current_lane()},"category":{quote(msg.category.__name__)},'
                 f'"text":{quote(str(msg.message))},"line":{ln}')
        except Exception:
            pass
        return real_show(msg)
    warnings._showwarnmsg = showwarnmsg
