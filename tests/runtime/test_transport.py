"""How records get out: the pipe fd, batching at exit, floods, signals."""
import json
import os
import signal
import subprocess
import tempfile
import time
import unittest

from tracehelp import PYTHON, RUNTIME, Trace, run_traced, script_path


class Transport(unittest.TestCase):
    def test_events_on_an_inherited_fd(self):
        read_end, write_end = os.pipe()
        script = script_path('gather_prints.py')
        p = subprocess.Popen([PYTHON, RUNTIME, '--events-fd', str(write_end), '--', script],
                             pass_fds=(write_end,), stdout=subprocess.PIPE,
                             cwd=os.path.dirname(script))
        os.close(write_end)
        with os.fdopen(read_end, 'rb') as events_pipe:
            data = events_pipe.read()
        out, _ = p.communicate(timeout=60)
        events = [json.loads(line) for line in data.decode().splitlines()]
        self.assertEqual(p.returncode, 0)
        self.assertEqual((events[0]['ev'], events[-1]['ev']), ('hello', 'exit'))
        self.assertNotIn(b'"ev"', out, 'no records on stdout')
        self.assertEqual(len(Trace(events).of('print')), len(out.decode().splitlines()))

    def test_every_line_of_a_flood_is_recorded_and_an_overlong_line_is_cut_visibly(self):
        out, _, code, events = run_traced(script_path('print_flood.py'))
        self.assertEqual(code, 0)
        lines = out.decode().split('\n')
        self.assertEqual(len(lines), 50002)
        texts = [e['text'] for e in Trace(events).of('print')]
        self.assertEqual(texts[:50000], [str(i) for i in range(50000)])
        # 250,000 characters: 25 records of 4000, then a marker that counts the rest.
        self.assertEqual(texts[50000:50025], ['y' * 4000] * 25)
        self.assertEqual(texts[50025], '\u2026 [150,000 more characters of this line not recorded]')
        self.assertEqual(texts[50026:], ['partial'])
        notes = [n['text'] for n in Trace(events).of('note')]
        self.assertEqual(len(notes), 1)
        self.assertIn('1 printed lines longer than 100,000 characters were cut', notes[0])

    def test_a_budget_keeps_the_end_of_the_run_and_counts_the_rest(self):
        script = script_path('print_flood.py')
        with tempfile.TemporaryDirectory() as tmp:
            events_file = os.path.join(tmp, 'events.jsonl')
            p = subprocess.run([PYTHON, RUNTIME, '--events-file', events_file, '--max-events', '1000',
                                '--', script], capture_output=True, timeout=60,
                               cwd=os.path.dirname(script))
            with open(events_file) as f:
                events = [json.loads(line) for line in f]
        self.assertEqual(p.returncode, 0)
        self.assertEqual(len(p.stdout.decode().split('\n')), 50002, 'the output is untouched')
        self.assertEqual([e['seq'] for e in events], list(range(len(events))))
        budget = [e for e in events if e['ev'] == 'note' and 'budget' in e]
        self.assertEqual(len(budget), 1)
        self.assertEqual((budget[0]['seq'], budget[0]['budget']), (1000, 1000))
        dropped = [e for e in events if e['ev'] == 'note' and 'dropped' in e]
        self.assertEqual(len(dropped), 1)
        printed = len(Trace(events[:1000]).of('print'))
        self.assertEqual(dropped[0]['dropped'], 50000 + 26 + 1 - printed)
        self.assertEqual(events[-1], dict(events[-1], ev='exit', code=0, how='normal'))

    def test_sigterm_still_ends_the_stream(self):
        script = script_path('wait_for_term.py')
        with open(os.devnull, 'wb') as devnull:
            import tempfile
            with tempfile.TemporaryDirectory() as tmp:
                events_file = os.path.join(tmp, 'events.jsonl')
                p = subprocess.Popen([PYTHON, RUNTIME, '--events-file', events_file, '--', script],
                                     stdout=subprocess.PIPE, stderr=devnull)
                self.assertEqual(p.stdout.readline(), b'started\n')
                # SIGTERM while the script sleeps (its `block` record is out: batches are
                # flushed a few times a second): a signal that lands just before a blocking
                # call runs its Python handler only after the call, in any Python program.
                deadline = time.monotonic() + 30
                while b'"block"' not in read_bytes(events_file):
                    self.assertLess(time.monotonic(), deadline)
                    time.sleep(0.01)
                p.send_signal(signal.SIGTERM)
                p.wait(timeout=30)
                p.stdout.close()
                with open(events_file) as f:
                    events = [json.loads(line) for line in f]
        self.assertEqual(p.returncode, -signal.SIGTERM, 'dies of the signal, as a plain run')
        tr = Trace(events)
        self.assertEqual(tr.of('print')[0]['text'], 'started')
        self.assertEqual(events[-1], dict(events[-1], ev='exit', how='signal', code=-15))


def read_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


class DebianPackages(unittest.TestCase):
    def test_debian_packages_are_seen_last_on_sys_path(self):
        # What the runner passes: Debian's pure-Python packages for any interpreter, after its own.
        script = script_path('debian_packages.py')
        env = {k: v for k, v in os.environ.items() if k != 'PYTHONPATH'}
        with tempfile.TemporaryDirectory() as tmp:
            p = subprocess.run([PYTHON, RUNTIME, '--events-file', os.path.join(tmp, 'e.jsonl'),
                                '--debian-packages', '--', script], capture_output=True, env=env,
                               timeout=60, cwd=os.path.dirname(script))
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        self.assertEqual(p.stdout.decode().splitlines(),
                         ['aiofiles from /usr/lib/python3/dist-packages', 'last on sys.path: True'])


class BrokenScripts(unittest.TestCase):
    def test_missing_and_invalid_scripts_fail_as_plain_runs(self):
        import tempfile
        from tracehelp import run_plain
        with tempfile.TemporaryDirectory() as tmp:
            bad = os.path.join(tmp, 'bad_syntax.py')
            with open(bad, 'w') as f:
                f.write('print("never")\ndef (:\n')
            missing = os.path.join(tmp, 'missing.py')
            for script, code, line in ((bad, 1, 2), (missing, 2, None)):
                with self.subTest(script=os.path.basename(script)):
                    out, err, plain_code = run_plain(script)
                    t_out, t_err, t_code, events = run_traced(script)
                    self.assertEqual((t_out, t_err, t_code), (out, err, plain_code))
                    self.assertEqual(t_code, code)
                    self.assertEqual(events[-1], dict(events[-1], ev='exit', code=code))
                    exc = Trace(events).of('exception')
                    self.assertEqual([e['line'] for e in exc], [line] if line else [])


class Iterators(unittest.TestCase):
    def test_async_iterator_class_fetches_only_on_buffer_misses(self):
        _, _, _, events = run_traced(script_path('async_pages.py'))
        tr = Trace(events)
        pages = tr.lane_named('Pages', 'gen')
        self.assertEqual(tr.lanes[pages]['obj'], 'async_iterator')
        leaves = tr.of('leave', lane=pages)
        self.assertEqual([(e['how'], e.get('value')) for e in leaves],
                         [('return', "'p1a'"), ('return', "'p1b'"), ('return', "'p2a'"),
                          ('return', "'p2b'"), ('stop', None)])
        main = tr.task_lane_of_coro('main')
        self.assertEqual(len(tr.of('suspend', lane=main, awaiting='sleep(0.001)')), 2,
                         'the task waits only when the buffer is refilled')

    def test_script_without_a_loop(self):
        _, _, _, events = run_traced(script_path('gen_pipeline.py'))
        tr = Trace(events)
        self.assertEqual({l['kind'] for l in tr.lanes.values()}, {'main', 'gen'})
        self.assertEqual({e['lane'] for e in tr.of('print')}, {0})


if __name__ == '__main__':
    unittest.main()
