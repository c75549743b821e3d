"""Byte-compiles the runtime package for every CPython 3.11+ this machine has (a build step):

    python3 byte_compile.py PACKAGE_DIR

Without a .pyc each traced run compiles the package first (about 10 ms, as long as a small
script's whole plain run), and PYTHONDONTWRITEBYTECODE or a read-only install never caches it.
checked-hash: a .pyc is used only while it matches its source, whatever the file times say.
Interpreters are found as the tests find them (tests/runtime/interpreters.py); one that is
missing or fails is skipped, never an error."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tests',
                                'runtime'))
import interpreters  # noqa: E402


def main(package):
    for _, python in interpreters.each_cpython():
        subprocess.run([python, '-m', 'compileall', '-q', '--invalidation-mode', 'checked-hash',
                        package], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if __name__ == '__main__':
    main(sys.argv[1])
