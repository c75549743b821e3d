"""Helpers for the runtime tests: run a script plain or under the loopscope runtime."""
import json
import mmap
import os
import subprocess
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.join(HERE, 'scripts')
# The runtime under test: the sources (the pure-Python path), or the package that the build put
# next to the binary, with its C accelerator (LOOPSCOPE_TEST_RUNTIME, set by tests/runtime/
# CMakeLists.txt for the "accel" runs, which also read the events over the ring as the runner
# does: LOOPSCOPE_TEST_TRANSPORT=ring).
RUNTIME = os.environ.get('LOOPSCOPE_TEST_RUNTIME') or os.path.normpath(
    os.path.join(HERE, '..', '..', 'app', 'runtime', 'loopscope_runtime'))
TRANSPORT = os.environ.get('LOOPSCOPE_TEST_TRANSPORT', 'file')
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


class RingReader:
    """The runner's side of the events ring (docs/trace-format.md, "Transport"), in Python: a
    memfd the child writes through `--events-ring FD`, drained by a thread while it runs."""
    CAPACITY = 1 << 22
    HEADER = 4096

    def __init__(self):
        self.fd = os.memfd_create('loopscope-test-events')
        os.ftruncate(self.fd, self.HEADER + self.CAPACITY)
        self.map = mmap.mmap(self.fd, self.HEADER + self.CAPACITY)
        self.map[:8] = b'LSRING1\0'
        self.words = memoryview(self.map).cast('Q')
        self.words[1] = self.CAPACITY
        self.data = bytearray()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._drain, daemon=True)
        self.thread.start()

    def _drain(self):
        read = 0
        while True:
            last_round = self.stop.is_set()
            written = self.words[8]
            while read < written:
                at = read % self.CAPACITY
                n = min(written - read, self.CAPACITY - at)
                self.data += self.map[self.HEADER + at:self.HEADER + at + n]
                read += n
                self.words[16] = read
            if last_round:
                return
            time.sleep(0.001)

    def events(self):
        """After the child ended: every record it wrote."""
        self.stop.set()
        self.thread.join()
        os.close(self.fd)
        return [json.loads(line) for line in self.data.decode('utf-8').splitlines()]


def run_traced(script, *args, stall_ms=50, timeout=60, python=None):
    """(stdout, stderr, returncode, events) of a run under the runtime (by PYTHON, or `python`)."""
    if TRANSPORT == 'ring':
        ring = RingReader()
        try:
            p = subprocess.run([python or PYTHON, RUNTIME, '--events-ring', str(ring.fd),
                                '--stall-ms', str(stall_ms), '--', script, *args],
                               capture_output=True, timeout=timeout, cwd=os.path.dirname(script),
                               env=child_env(python), pass_fds=(ring.fd,))
        finally:
            events = ring.events()
        return p.stdout, p.stderr, p.returncode, events
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
