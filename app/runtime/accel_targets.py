"""Lists the CPython 3.11+ interpreters that can build the runtime's C accelerator (a configure
step of app/runtime/CMakeLists.txt):

    python3 accel_targets.py

prints one line per interpreter, `VERSION|INCLUDE_DIR|EXTENSION_SUFFIX`, for those whose
headers are installed (Debian's python3-dev; pyenv's builds carry theirs) and that have a GIL.
Interpreters are found as the tests find them (tests/runtime/interpreters.py); none is
required: the runtime runs in pure Python where no accelerator was built."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tests',
                                'runtime'))
import interpreters  # noqa: E402

QUERY = ('import sysconfig; print(sysconfig.get_paths()["include"]); '
         'print(sysconfig.get_config_var("EXT_SUFFIX")); '
         'print(sysconfig.get_config_var("Py_GIL_DISABLED") or 0)')


def main():
    for version, python in interpreters.each_cpython():
        try:
            out = subprocess.run([python, '-c', QUERY], capture_output=True, text=True,
                                 timeout=30, check=True).stdout.split('\n')
        except (OSError, subprocess.SubprocessError):
            continue
        include, suffix, free_threaded = out[0], out[1], out[2] == '1'
        # A free-threaded build would switch the GIL back on to load the module, and say so
        # on the script's stderr; the accelerator also relies on the GIL (ring_emit.c).
        if free_threaded:
            continue
        if os.path.isfile(os.path.join(include, 'Python.h')) and suffix:
            print(f'{version}|{include}|{suffix}')


if __name__ == '__main__':
    main()
