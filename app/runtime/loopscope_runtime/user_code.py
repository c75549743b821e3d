"""Which code is the user's: the script's path, and the runtime's own files (hidden from
tracebacks and stall reports)."""

import os

SCRIPT = ''              # absolute path of the user's script (code objects compare against it)
RUNTIME_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep
_runtime_files = set()   # entry files outside the package (loopscope_runtime.py)


def set_script(path):
    global SCRIPT
    SCRIPT = path


def add_runtime_file(filename):
    _runtime_files.add(filename)


def is_runtime_file(filename):
    return filename.startswith(RUNTIME_DIR) or filename in _runtime_files


def user_frame(frame):
    """The innermost frame of the user's script at or above `frame`, or None."""
    script = SCRIPT
    while frame is not None:
        if frame.f_code.co_filename == script:
            return frame
        frame = frame.f_back
    return None


def user_line(frame):
    f = user_frame(frame)
    return f.f_lineno if f is not None else 0


# id(code) -> (kind, qualname, code): kind 'user', 'asyncio', 'lib'. Keyed by id(): hashing a
# code object hashes its contents (its whole bytecode on 3.12+, 1-2 us), an id costs nothing;
# the entry holds the code, so that id cannot be reused by another code object.
code_kinds = {}


def code_kind(code):
    k = code_kinds.get(id(code))
    if k is None:
        fn = code.co_filename
        if fn == SCRIPT:
            kind = 'user'
        elif os.sep + 'asyncio' + os.sep in fn:
            kind = 'asyncio'
        else:
            kind = 'lib'
        k = code_kinds[id(code)] = (kind, code.co_qualname, code)
    return k
