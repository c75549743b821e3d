#!/usr/bin/env python3
"""End to end: `loopscope trace SCRIPT -o out.json` on each script, as a user would run it.

    trace_e2e.py LOOPSCOPE PYTHON SCRIPT.py [SCRIPT.py ...]

For each script: stdout, stderr and exit status must be those of `PYTHON SCRIPT.py`, and the
Chrome trace written with -o must pass chrome_check (the export's conventions). Exits 1 with
one line per problem, 0 if all is well.
"""
import json
import os
import subprocess
import sys
import tempfile

import chrome_check


def run(cmd, cwd):
    p = subprocess.run(cmd, capture_output=True, timeout=120, cwd=cwd)
    return p.stdout, p.stderr, p.returncode


def check_script(loopscope, python, script, tmp):
    """Problems found for one script (empty list if none)."""
    name = os.path.basename(script)
    cwd = os.path.dirname(os.path.abspath(script))
    out_json = os.path.join(tmp, name + '.json')
    plain = run([python, name], cwd)
    traced = run([loopscope, 'trace', name, '-o', out_json, '--python', python], cwd)
    found = []
    for what, a, b in zip(('stdout', 'stderr', 'exit status'), plain, traced):
        if a != b:
            if isinstance(a, bytes):
                a, b = a[-200:], b[-200:]
            found.append(f'{what} differs: plain {a!r}, traced {b!r}')
    if not os.path.exists(out_json):
        return found + ['no Chrome trace written']
    with open(out_json, encoding='utf-8') as f:
        found += chrome_check.problems(json.load(f))
    return [f'{name}: {p}' for p in found]


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    loopscope, python, scripts = argv[0], argv[1], argv[2:]
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for script in scripts:
            found = check_script(loopscope, python, script, tmp)
            for p in found:
                print(p)
            print(f"{'FAIL' if found else 'ok'} {os.path.basename(script)}")
            failed = failed or bool(found)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
