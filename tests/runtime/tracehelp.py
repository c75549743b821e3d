"""Helpers for the runtime tests: run a script plain or under the loopscope runtime."""
import json
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.join(HERE, 'scripts')
RUNTIME = os.path.normpath(os.path.join(HERE, '..', '..', 'app', 'runtime', 'loopscope_runtime'))
# The interpreter under test: Debian's (which sees the python3-* packages), or the one named by
# LOOPSCOPE_TEST_PYTHON (with_python.py sets it for the 3.12/3.13 runs of the same tests).
PYTHON = os.environ.get('LOOPSCOPE_TEST_PYTHON') or '/usr/bin/python3'
DEBIAN_PACKAGES = '/usr/lib/python3/dist-packages'


def child_env(python=None):
    """Another interpreter sees Debian's pure-Python packages (aiofiles, httpx, ...) through
    PYTHONPATH, in plain and traced runs alike."""
    env = dict(os.environ)
    if (python or PYTHON) != '/usr/bin/python3' and os.path.isdir(DEBIAN_PACKAGES):
        env['PYTHONPATH'] = DEBIAN_PACKAGES
    return env


def script_path(name):
    return os.path.join(SCRIPTS, name)


def run_plain(script, *args, timeout=60):
    p = subprocess.run([PYTHON, script, *args], capture_output=True, timeout=timeout,
                       cwd=os.path.dirname(script), env=child_env())
    return p.stdout, p.stderr, p.returncode


def run_traced(script, *args, stall_ms=50, timeout=60, python=None):
    """(stdout, stderr, returncode, events) of a run under the runtime (by PYTHON, or `python`)."""
    with tempfile.TemporaryDirectory() as tmp:
        events_file = os.path.join(tmp, 'events.jsonl')
        p = subprocess.run([python or PYTHON, RUNTIME, '--events-file', events_file,
                            '--stall-ms', str(stall_ms), '--', script, *args],
                           capture_output=True, timeout=timeout, cwd=os.path.dirname(script),
                           env=child_env(python))
        with open(events_file, encoding='utf-8') as f:
            events = [json.loads(line) for line in f]
    return p.stdout, p.stderr, p.returncode, events


class Trace:
    """Queries over a list of event records."""

    def __init__(self, events):
        self.events = events
        self.lanes = {e['lane']: e for e in events if e['ev'] == 'lane'}
        for e in events:
            if e['ev'] == 'rename':
                self.lanes[e['lane']] = dict(self.lanes[e['lane']], name=e['name'])

    def of(self, ev, **fields):
        return [e for e in self.events if e['ev'] == ev
                and all(e.get(k) == v for k, v in fields.items())]

    def lane_named(self, name, kind=None):
        found = [l for l in self.lanes.values() if l['name'] == name
                 and (kind is None or l['kind'] == kind)]
        assert len(found) == 1, f'{len(found)} lanes named {name!r}'
        return found[0]['lane']

    def lane_name(self, lane):
        return self.lanes[lane]['name']

    def printed(self):
        """[(lane name, text)] of stdout lines in order."""
        return [(self.lane_name(e['lane']), e['text']) for e in self.of('print', stream='stdout')]

    def task_lane_of_coro(self, coro):
        found = [l['lane'] for l in self.lanes.values() if l.get('coro') == coro]
        assert len(found) == 1, f'{len(found)} tasks run {coro}'
        return found[0]
