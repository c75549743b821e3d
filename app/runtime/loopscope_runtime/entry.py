"""The entry point: reads the command line, opens the stream, installs the hooks and runs the
script as __main__, as `python3 SCRIPT ARGS...` would.

    python3 loopscope_runtime (--events-ring FD | --events-fd FD | --events-file PATH)
            [--stall-ms MS] [--max-events N] [--debian-packages] -- SCRIPT [ARGS...]
"""

import os
import sys
import types

from . import (asyncio_hook, exits, generators, output, problems, stream, threads, user_code,
               watchdog)
from .problems import clean_traceback, report_exception
from .stream import emit, quote

USAGE = ('usage: loopscope_runtime (--events-ring FD | --events-fd FD | --events-file PATH) '
         '[--stall-ms MS] [--max-events N] [--debian-packages] -- SCRIPT [ARGS...]')
DEBIAN_PACKAGES = '/usr/lib/python3/dist-packages'


def add_debian_packages():
    """--debian-packages: another CPython (3.12, 3.13 from pyenv) sees Debian's python3-*
    packages (aiofiles, httpx, starlette, ...), where that is safe: the folder goes last on
    sys.path (it never hides the interpreter's own packages), and only for an interpreter of a
    version Debian has no build of (no /usr/lib/python3.X), so that only pure-Python (and abi3)
    modules of the folder can load. Debian's own python3 has the folder already. (A glob of the
    folder for compiled modules of this version said the same and cost 10 ms of every run.)"""
    if not os.path.isdir(DEBIAN_PACKAGES) or DEBIAN_PACKAGES in sys.path:
        return
    if os.path.isdir('/usr/lib/python%d.%d' % sys.version_info[:2]):
        return      # Debian's packages have compiled modules for its own build of this version
    sys.path.append(DEBIAN_PACKAGES)


def parse_args(argv):
    opts = {'ring': None, 'fd': None, 'file': None, 'stall_ms': 50, 'max_events': 0,
            'debian_packages': False}
    names = {'--events-ring': 'ring', '--events-fd': 'fd', '--events-file': 'file',
             '--stall-ms': 'stall_ms', '--max-events': 'max_events'}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == '--':
            i += 1
            break
        if a == '--debian-packages':
            opts['debian_packages'] = True
            i += 1
        elif a in names and i + 1 < len(argv):
            key = names[a]
            opts[key] = argv[i + 1] if key == 'file' else int(argv[i + 1])
            i += 2
        elif a.startswith('-'):
            raise SystemExit(f'loopscope_runtime: unknown option {a}\n{USAGE}')
        else:
            break
    if i >= len(argv):
        raise SystemExit(USAGE)
    return opts, argv[i], argv[i + 1:]


def open_stream(opts):
    if opts['ring'] is not None:
        os.set_inheritable(opts['ring'], False)   # the script's subprocesses must not hold it
        stream.open_ring(opts['ring'])
    elif opts['fd'] is not None:
        os.set_inheritable(opts['fd'], False)
        stream.open_fd(opts['fd'])
    elif opts['file']:
        stream.open_fd(os.open(opts['file'], os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC,
                               0o644))
    stream.set_budget(max(opts['max_events'], 0))


def read_script(path):
    """The script's code object; a script that cannot be read or compiled fails as under a plain
    interpreter (same message, same status)."""
    try:
        with open(path, 'rb') as f:
            source = f.read()
    except OSError as exc:
        sys.stderr.write(f"{sys.orig_argv[0]}: can't open file {path!r}: "
                         f"[Errno {exc.errno}] {exc.strerror}\n")
        exits.at_exit(2, 'exception')
        raise SystemExit(2)
    try:
        return compile(source, path, 'exec', dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        report_exception(exc.with_traceback(None), 0)
        import traceback
        traceback.print_exception(type(exc), exc, None)
        exits.at_exit(1, 'exception')
        raise SystemExit(1)


def main_module(script, script_args):
    """The script's world: argv, path, __main__, as `python3 SCRIPT ARGS...` would have it."""
    path = user_code.SCRIPT
    sys.argv = [script] + script_args
    sys.path[0] = os.path.dirname(path)
    import builtins
    import importlib.machinery
    module = types.ModuleType('__main__')
    module.__dict__.update({
        '__file__': path, '__cached__': None, '__package__': None, '__spec__': None,
        '__loader__': importlib.machinery.SourceFileLoader('__main__', path),
        '__builtins__': builtins, '__annotations__': {},
    })
    sys.modules['__main__'] = module
    return module


def main(argv=None):
    # The run starts now: the time the runtime took to load is not the script's (a timeline
    # of a short script would start with a blank stretch).
    stream.start_clock()
    opts, script, script_args = parse_args(sys.argv[1:] if argv is None else argv)
    open_stream(opts)
    user_code.set_script(os.path.abspath(script))
    emit(f'"ev":"hello","version":1,"python":"{sys.version.split()[0]}",'
         f'"impl":"{sys.implementation.name}","script":{quote(script)},'
         f'"argv":[{",".join(quote(a) for a in [script] + script_args)}],"pid":{os.getpid()},'
         f'"stall_ms":{opts["stall_ms"]}', always=True)
    emit('"ev":"lane","lane":0,"kind":"main","name":"main"', always=True)

    code = read_script(user_code.SCRIPT)
    module = main_module(script, script_args)
    if opts['debian_packages']:
        add_debian_packages()
    asyncio_hook.install()
    threads.install()
    problems.install()
    exits.install()
    output.install()
    watchdog.start(opts['stall_ms'])
    generators.install(code)
    try:
        exec(code, module.__dict__)
    except SystemExit as exc:
        c = exc.code
        exits.set_outcome(0 if c is None else c if isinstance(c, int) else 1, 'sysexit')
        raise
    except BaseException as exc:
        generators.uninstall()
        exits.set_outcome(130 if isinstance(exc, KeyboardInterrupt) else 1, 'exception')
        clean_traceback(exc)
        report_exception(exc, 0)
        raise
    finally:
        generators.uninstall()
