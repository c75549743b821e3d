"""The runtime's C accelerator (app/runtime/accel) against its Python reference: the same bytes
in the ring, the same budget, the same await labels. Runs the package the build put next to the
binary (LOOPSCOPE_TEST_RUNTIME), with the interpreter under test; the accelerator must be there
(it is built for every interpreter found at build time)."""
import json
import os
import re
import subprocess
import unittest

import tracehelp
from tracehelp import PYTHON, RUNTIME, SCRIPTS, child_env

ACCEL = os.path.join(SCRIPTS, 'accel')
RECORD = re.compile(r'^\{"seq":(\d+),"t":(\d+),(.*)\}$')


# Debian's interpreter always has one (python3-dev is a build dependency); another may have
# been found at build time without its headers.
DEBIAN_PYTHON = '/usr/bin/python3'


def child(name):
    package_parent = os.path.dirname(os.path.abspath(RUNTIME))
    p = subprocess.run([PYTHON, os.path.join(ACCEL, name), package_parent], capture_output=True,
                       text=True, timeout=60, cwd=ACCEL, env=child_env())
    assert p.returncode == 0, p.stderr
    result = json.loads(p.stdout)
    if not result['accel']:
        if os.path.realpath(PYTHON) == os.path.realpath(DEBIAN_PYTHON):
            raise AssertionError(f'no C accelerator loaded from {RUNTIME} by {PYTHON}')
        raise unittest.SkipTest(f'no C accelerator was built for {PYTHON} (no headers found '
                                'at build time): it runs in pure Python')
    return result


def split(lines):
    """[(seq, t, body)] of ring records."""
    records = []
    for line in lines:
        m = RECORD.match(line)
        assert m, f'not a record: {line!r}'
        records.append((int(m[1]), int(m[2]), m[3]))
    return records


class AccelTest(unittest.TestCase):
    def test_records_are_what_the_python_stream_writes(self):
        result = child('ring_records.py')
        records = split(result['lines'])
        self.assertEqual([body for _, _, body in records], result['expected'])
        self.assertEqual([seq for seq, _, _ in records], list(range(len(records))))
        times = [t for _, t, _ in records]
        self.assertEqual(times, sorted(times))
        self.assertTrue(result['alive'])

    def test_a_template_that_does_not_fit_its_arguments_is_refused(self):
        result = child('ring_records.py')
        for errors in (result['errors'], result['py_errors']):   # the C twin, stream.py
            self.assertEqual(len(errors), 5)
            for error in errors:
                self.assertIsNotNone(error, 'a bad template was written')
                self.assertIn('emitf', error)

    def test_the_budget_keeps_the_end_and_counts_the_rest(self):
        result = child('ring_budget.py')
        records = split(result['lines'])
        bodies = [body for _, _, body in records]
        self.assertEqual(bodies[:3], [f'"ev":"n","i":{i}' for i in range(3)])
        self.assertTrue(bodies[3].startswith('"ev":"note","budget":3,'), bodies[3])
        self.assertEqual(bodies[4:], ['"ev":"end"'])
        self.assertEqual([seq for seq, _, _ in records], list(range(5)))
        self.assertEqual((result['dropped'], result['header_dropped']), (2, 2))

    def test_await_labels_are_those_of_the_python_walk(self):
        rows = child('await_walks.py')['rows']
        self.assertEqual(len(rows), 13)
        for row in rows:
            with self.subTest(task=row['name']):
                self.assertEqual(row['c'], row['python'])
        by_name = {row['name']: row['c'] for row in rows}
        # the walk found the waits (a twin that always answered (0, None) would agree too)
        self.assertEqual(by_name['locked'][1], 'Lock.acquire')
        self.assertEqual(by_name['queue_get'][1], 'Queue.get')
        self.assertEqual(by_name['async_for'][1], 'sleep')
        self.assertEqual(by_name['library'][0], 0)
        self.assertGreater(by_name['nested'][0], 0)


# Records and fields that say when, not what: they differ between any two runs.
TIMING_RECORDS = {'idle', 'idle_end', 'stall', 'hello'}
TIMING_FIELDS = {'seq', 't', 'ready', 'late', 'since', 'pid', 'timeout', 'events'}
# Scripts over tasks, waits, callbacks, generators and async generators whose lanes each tell
# one story whatever the clock does (no threads, no sampling by epoch, no set order).
SAME_STORY_SCRIPTS = [
    'gather_prints.py', 'cooperative.py', 'async_gen_break.py', 'gen_pipeline.py',
    'battery/primitives.py', 'battery/async_generators.py', 'battery/sync_generators.py',
    'trial/taskgroup_fail.py', 'trial/semaphore_crawl.py',
    'trial/debug_handles.py', 'generators/async_edges.py', 'generators/closes.py',
    'trial/lock_counter.py', 'trial/gen_send.py', 'trial/class_iter.py',
    'battery/hostile_objects.py', 'battery/never_retrieved.py', 'generators/long_values.py',
]


def story(events):
    """Each lane's records in order, without times; records of no lane as a sorted list. The
    interleaving of lanes is left out: where timers race, asyncio orders steps by the clock, and
    that is not the tracer's doing."""
    lanes = {}
    for e in events:
        if e['ev'] not in TIMING_RECORDS:
            lanes.setdefault(e.get('lane'), []).append(
                {k: v for k, v in e.items() if k not in TIMING_FIELDS})
    unlaned = sorted(lanes.pop(None, []), key=repr)
    return lanes, unlaned


def traced(script, pure):
    env = dict(os.environ)
    if pure:
        env['LOOPSCOPE_PURE_PYTHON'] = '1'
    else:
        env.pop('LOOPSCOPE_PURE_PYTHON', None)
    saved, os.environ = os.environ, env
    try:
        return tracehelp.run_traced(os.path.join(SCRIPTS, script))
    finally:
        os.environ = saved


class SameStoryTest(unittest.TestCase):
    """The C twins tell the story the Python reference tells, record for record: the built
    package run twice over the ring, once in pure Python (LOOPSCOPE_PURE_PYTHON=1)."""

    @classmethod
    def setUpClass(cls):
        if tracehelp.TRANSPORT != 'ring':
            raise unittest.SkipTest('runs with the accelerator over the ring '
                                    '(LOOPSCOPE_TEST_TRANSPORT=ring)')
        child('ring_records.py')     # the accelerator is there (or this is skipped, saying why)

    def test_records_match_the_pure_python_run(self):
        for script in SAME_STORY_SCRIPTS:
            with self.subTest(script=script):
                pure_out, _, pure_code, pure = traced(script, pure=True)
                out, _, code, accel = traced(script, pure=False)
                self.assertEqual((out, code), (pure_out, pure_code))
                self.assertGreater(sum(map(len, story(pure)[0].values())), 10)
                self.assertEqual(story(accel), story(pure))


if __name__ == '__main__':
    unittest.main()
