"""The event stream's invariants (docs/trace-format.md) on every test script."""
import glob
import os
import unittest

from tracehelp import SCRIPTS, run_traced

REQUIRED = {
    'hello': {'version', 'python', 'impl', 'script', 'argv', 'pid', 'stall_ms'},
    'lane': {'lane', 'kind', 'name'},
    'run': {'lane', 'line', 'ready', 'by', 'why'},
    'suspend': {'lane', 'line', 'awaiting', 'wait', 'target'},
    'done': {'lane', 'outcome', 'detail', 'line'},
    'print': {'lane', 'stream', 'text'},
    'exit': {'code', 'how'},
    'enter': {'lane', 'from', 'how', 'line'},
    'leave': {'lane', 'from', 'how', 'line'},
    'job': {'lane', 'job', 'func', 'task', 'via'},
    'job_end': {'lane', 'job', 'outcome'},
    'block': {'lane', 'what', 'line'},
    'stall': {'lane', 'task', 'since', 'line', 'func'},
    'exception': {'lane', 'type', 'message', 'traceback', 'line'},
    'warning': {'lane', 'category', 'text', 'line'},
}
WHY = {'start', 'timer', 'future', 'task', 'thread', 'soon', 'cancel', 'io', 'other'}


class StreamContract(unittest.TestCase):
    def check(self, events):
        self.assertEqual(events[0]['ev'], 'hello')
        self.assertEqual(events[1], dict(events[1], ev='lane', lane=0, kind='main'))
        self.assertEqual([e['seq'] for e in events], list(range(len(events))))
        times = [e['t'] for e in events]
        self.assertEqual(times, sorted(times), 't decreases along seq')
        declared = set()
        state = {}   # task lane -> 'running' | 'suspended' | 'done'
        exits = [i for i, e in enumerate(events) if e['ev'] == 'exit']
        self.assertEqual(len(exits), 1)
        for e in events:
            missing = REQUIRED.get(e['ev'], set()) - set(e)
            self.assertFalse(missing, f'{e} lacks {missing}')
            if e['ev'] == 'lane':
                self.assertNotIn(e['lane'], declared)
                declared.add(e['lane'])
            elif 'lane' in e:
                self.assertIn(e['lane'], declared, f'{e} uses an undeclared lane')
            if e['ev'] == 'run':
                self.assertIn(e['why'], WHY)
                self.assertLessEqual(e['ready'], e['t'])
                self.assertNotEqual(state.get(e['lane']), 'running')
                self.assertNotEqual(state.get(e['lane']), 'done')
                state[e['lane']] = 'running'
            elif e['ev'] in ('suspend', 'done'):
                self.assertEqual(state.get(e['lane']), 'running', e)
                state[e['lane']] = 'suspended' if e['ev'] == 'suspend' else 'done'

    def test_every_script(self):
        scripts = sorted(glob.glob(os.path.join(SCRIPTS, '*.py'))
                         + glob.glob(os.path.join(SCRIPTS, 'battery', '*.py')))
        scripts = [s for s in scripts if not s.endswith('wait_for_term.py')]  # needs a SIGTERM
        self.assertGreater(len(scripts), 10)
        for script in scripts:
            with self.subTest(script=os.path.basename(script)):
                self.check(run_traced(script)[3])


if __name__ == '__main__':
    unittest.main()
