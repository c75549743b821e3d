#!/usr/bin/env python3
"""Runs the runtime tests with another interpreter under test:

    with_python.py VERSION -m unittest -v test_structure ...

sets LOOPSCOPE_TEST_PYTHON to CPython VERSION (found by interpreters.find) and runs the rest of
the command line with this interpreter; an argument `{python}` is replaced by its path. Exits 77 (ctest: skipped) with the reason when this
machine has no such interpreter."""
import os
import subprocess
import sys

import interpreters

SKIPPED = 77


def main(argv):
    version, rest = argv[0], argv[1:]
    python = interpreters.find(version)
    if python is None:
        print(f'skipped: no CPython {version} here (python{version} on PATH, or pyenv versions)')
        return SKIPPED
    print(f'interpreter under test: {python}', flush=True)
    env = dict(os.environ, LOOPSCOPE_TEST_PYTHON=python)
    rest = [python if a == '{python}' else a for a in rest]
    return subprocess.run([sys.executable, *rest], env=env).returncode


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
