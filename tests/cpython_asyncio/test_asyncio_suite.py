#!/usr/bin/env python3
"""CPython's asyncio test suite as the judge of transparency: test.test_asyncio (Debian's
libpython3.11-testsuite) run plainly and under `loopscope trace`, at the same time, must give
the same counts of run, failed, errored and skipped tests and the same failing ids; and the
traced run must print nothing the plain run does not (no warnings of loopscope's own).

    test_asyncio_suite.py LOOPSCOPE [PYTHON]

Exits 77 (skipped) with the reason when the test suite is not installed."""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DRIVER = os.path.join(HERE, 'run_suite.py')
SKIPPED = 77


def has_suite(python):
    probe = subprocess.run([python, '-c', 'import test.test_asyncio'], capture_output=True)
    return probe.returncode == 0


def warnings_in(stderr):
    """The lines of the suite's own complaints ("Warning -- Dangling thread: ...", resource
    warnings), with the process-specific numbers taken out."""
    lines = [l for l in stderr.splitlines()
             if l.startswith('Warning -- ') or 'Warning:' in l or 'loopscope' in l]
    return sorted(re.sub(r'0x[0-9a-f]+|\b\d+\b', 'N', l) for l in lines)


def main(argv):
    loopscope = argv[0]
    python = argv[1] if len(argv) > 1 else '/usr/bin/python3'
    if not has_suite(python):
        print(f'skipped: {python} has no test.test_asyncio (apt-get install libpython3.11-testsuite)')
        return SKIPPED
    with tempfile.TemporaryDirectory() as tmp:
        plain_json, traced_json = os.path.join(tmp, 'plain.json'), os.path.join(tmp, 'traced.json')
        start = time.monotonic()
        # Both at once: the suite mostly waits (timeouts, sleeps), so two cores run both in the
        # time of one.
        plain = subprocess.Popen([python, DRIVER, plain_json], cwd=tmp,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        traced = subprocess.Popen([loopscope, 'trace', DRIVER, '--python', python,
                                   '--timeout', '1500', '--', traced_json], cwd=tmp,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        plain_out, plain_err = plain.communicate()
        traced_out, traced_err = traced.communicate()
        took = time.monotonic() - start
        results = []
        for name, path in (('plain', plain_json), ('traced', traced_json)):
            if not os.path.exists(path):
                print(f'{name} run wrote no summary')
                print((plain_err if name == 'plain' else traced_err).decode()[-3000:])
                return 1
            with open(path) as f:
                results.append(json.load(f))
    plain_result, traced_result = results
    print(f'both runs took {took:.0f} s')
    for key in ('run', 'failed', 'errored', 'skipped'):
        print(f'{key:8} plain {plain_result[key]:5}  traced {traced_result[key]:5}')
    problems = []
    for key in ('run', 'failed', 'errored', 'skipped', 'failing'):
        if plain_result[key] != traced_result[key]:
            problems.append(f'{key} differs')
    only_traced = set(traced_result['failing']) - set(plain_result['failing'])
    for test_id in sorted(only_traced):
        print(f'fails only traced: {test_id}')
    plain_warnings = warnings_in(plain_err.decode(errors='replace'))
    traced_warnings = warnings_in(traced_err.decode(errors='replace'))
    extra = [w for w in traced_warnings if w not in plain_warnings]
    for line in extra:
        print(f'printed only traced: {line}')
    if extra:
        problems.append('the traced run printed warnings the plain run did not')
    if plain_result['run'] < 1000:
        problems.append('the suite ran fewer than 1000 tests: not the whole of test_asyncio')
    for p in problems:
        print('FAIL:', p)
    print('ok' if not problems else 'FAILED')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
