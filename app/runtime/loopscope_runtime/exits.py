"""Exit paths: the `exit` record ends the stream however the script ends (normally, by an
exception, sys.exit, os._exit, SIGTERM); forked children write nothing into it."""

import atexit
import _signal as signal   # signal.py's functions without its enums (2 ms of start-up)
import functools
import os
import threading

from . import generators, output, stream, watchdog
from .stream import emit

exit_code = 0
exit_how = 'normal'


def set_outcome(code, how):
    global exit_code, exit_how
    exit_code, exit_how = code, how


def at_exit(code=None, how=None):
    """Writes the end of the stream (once): unfinished printed lines, notes, `exit`."""
    if stream.final:
        return
    if code is not None:
        set_outcome(code, how)
    watchdog.stop()
    output.end()
    stream.end_of_budget()
    emit(f'"ev":"exit","code":{exit_code},"how":"{exit_how}"', always=True)
    stream.finish()


def die_of_signal(signum):
    stream.pending_signal = 0
    at_exit(-signum, 'signal')
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def install():
    atexit.register(at_exit)   # registered before the script's own: runs after them
    real_exit = os._exit

    @functools.wraps(real_exit)
    def _os_exit(code):
        try:
            at_exit(code, 'sysexit')
        finally:
            real_exit(code)
    os._exit = _os_exit

    stream.on_pending_signal = die_of_signal
    # Over the ring every record is safe the moment it is emitted, so SIGTERM keeps its default
    # action, as in a plain run (a Python-level handler runs late or not at all when the signal
    # lands just before a blocking call: the script would sleep on). A batched sink needs the
    # handler to write its last batch and the `exit` record.
    if not stream.crash_safe() and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        def on_sigterm(signum, frame):
            # Write the end of the stream, then die of SIGTERM as a plain run would. If the
            # handler interrupted the main thread inside emit(), emit() does it on its way out.
            stream.pending_signal = signum
            if not stream._lock._is_owned():
                die_of_signal(signum)
        signal.signal(signal.SIGTERM, on_sigterm)

    def in_child():
        # A forked child (a process pool worker) must not write into our stream, and must not
        # wait for locks that a thread of the parent held at the fork (the watchdog may have
        # been inside emit()): the child's os._exit would hang in at_exit.
        stream.detach()
        generators.uninstall()
    os.register_at_fork(after_in_child=in_child)


def uninstall_tracing_threads():
    threading.settrace(None)
