"""Tracing must not change what a program does: same stdout, stderr and exit status."""
import glob
import os
import re
import unittest

from tracehelp import SCRIPTS, run_plain, run_traced


def same_run(text):
    """Output with what differs between any two plain runs taken out: process ids (3.12+ warns
    "This process (pid=N) is multi-threaded" at a fork)."""
    return re.sub(r'pid=\d+', 'pid=N', text)


class Faithfulness(unittest.TestCase):
    def test_battery_output_identical(self):
        scripts = sorted(glob.glob(os.path.join(SCRIPTS, 'battery', '*.py')))
        self.assertGreaterEqual(len(scripts), 14)
        for script in scripts:
            with self.subTest(script=os.path.basename(script)):
                out, err, code = run_plain(script)
                t_out, t_err, t_code, events = run_traced(script)
                self.assertEqual(t_out.decode(), out.decode())
                self.assertEqual(t_err.decode(), err.decode())
                self.assertEqual(t_code, code)
                self.assertEqual([e['ev'] for e in events].count('exit'), 1)

    def test_trial_output_identical(self):
        # Programs a learner would write (tests/runtime/scripts/trial), each deterministic.
        scripts = sorted(glob.glob(os.path.join(SCRIPTS, 'trial', '*.py')))
        self.assertGreaterEqual(len(scripts), 18)
        for script in scripts:
            with self.subTest(script=os.path.basename(script)):
                out, err, code = run_plain(script)
                t_out, t_err, t_code, events = run_traced(script)
                self.assertEqual(t_out.decode(), out.decode())
                self.assertEqual(same_run(t_err.decode()), same_run(err.decode()))
                self.assertEqual(t_code, code)
                self.assertEqual(events[-1]['ev'], 'exit')
                self.assertEqual(events[-1]['code'], code)

    def test_printed_records_match_stdout(self):
        # Every stdout line appears as one print record, in order, with the same text.
        for name in ('battery/combinators.py', 'battery/output_edges.py', 'battery/threads.py',
                     'trial/stderr_mix.py', 'trial/event_start.py', 'trial/taskgroup_fail.py'):
            script = os.path.join(SCRIPTS, name)
            with self.subTest(script=name):
                out, _, _, events = run_traced(script)
                texts = [e['text'] for e in events if e['ev'] == 'print' and e['stream'] == 'stdout']
                self.assertEqual(texts, out.decode().splitlines())

    def test_exit_codes_recorded(self):
        for name, code, how in (('sysexit.py', 3, 'sysexit'), ('crash.py', 1, 'exception'),
                                ('output_edges.py', 4, 'sysexit'),
                                ('keyboard_interrupt.py', 130, 'exception')):
            with self.subTest(script=name):
                events = run_traced(os.path.join(SCRIPTS, 'battery', name))[3]
                self.assertEqual(events[-1], dict(events[-1], ev='exit', code=code, how=how))


if __name__ == '__main__':
    unittest.main()
