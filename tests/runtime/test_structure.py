"""What the runtime records for small scripts: lanes, order, labels, stalls, jobs, yields."""
import os
import unittest

from tracehelp import SCRIPTS, Trace, run_traced


def trace_of(name, **kw):
    out, err, code, events = run_traced(os.path.join(SCRIPTS, name), **kw)
    return Trace(events), out.decode(), code


class Tasks(unittest.TestCase):
    def test_each_line_printed_by_its_task(self):
        tr, out, _ = trace_of('gather_prints.py')
        by_lane = tr.printed()
        self.assertEqual([t for _, t in by_lane], out.splitlines())
        workers = {tr.lane_name(e['lane']) for e in tr.of('print') if e['text'].startswith('a ')}
        self.assertEqual(len(workers), 1, 'both lines of worker a come from one lane')
        self.assertEqual(by_lane[-1], ('Task-1', "results ['a', 'b', 'c']"))
        self.assertTrue(all(tr.lanes[e['lane']]['kind'] == 'task' for e in tr.of('print')))

    def test_completion_order_and_results(self):
        tr, _, _ = trace_of('gather_prints.py')
        done = [(tr.lane_name(e['lane']), e['detail']) for e in tr.of('done')]
        self.assertEqual([d for _, d in done], ["'b'", "'c'", "'a'", 'None'])
        main = tr.task_lane_of_coro('main')
        last_run = tr.of('run', lane=main)[-1]
        self.assertEqual(last_run['why'], 'task')
        self.assertEqual(tr.lane_name(last_run['by']), 'Task-2')   # worker a finished last

    def test_awaiting_labels(self):
        tr, _, code = trace_of('labels.py')
        self.assertEqual(code, 0)
        labels = {e['awaiting'] for e in tr.of('suspend')}
        for expected in ('sleep(0.03)', 'Queue.get()', 'Event.wait()', 'Lock.acquire()',
                         'Semaphore.acquire()', 'Task w1', 'gather(6)', 'wait(3)',
                         'to_thread(crunch)', 'run_in_executor(f)', 'StreamReader.read()',
                         'sleep(0.1)'):
            self.assertIn(expected, labels)
        main = tr.task_lane_of_coro('main')
        on_w1 = tr.of('suspend', lane=main, awaiting='Task w1')[0]
        self.assertEqual(on_w1['target'], tr.lane_named('w1'))
        self.assertEqual(on_w1['line'], 56)
        self.assertEqual(tr.of('suspend', awaiting='Queue.get()')[0]['wait'], 'queue')


class Blocking(unittest.TestCase):
    def test_blocking_run_stalls_and_starves_the_ticker(self):
        tr, _, _ = trace_of('blocking.py')
        loop = tr.lane_named('loop')
        stalls = tr.of('stall', lane=loop)
        self.assertTrue(stalls)
        worker = tr.task_lane_of_coro('worker')
        # The watchdog names the sleeping line; a late sample may catch the line after it.
        self.assertIn((worker, 14, 'worker'), {(s['task'], s['line'], s['func']) for s in stalls})
        self.assertEqual({s['task'] for s in stalls}, {worker})
        blocks = tr.of('block', lane=loop)
        self.assertEqual([b['what'] for b in blocks], ['time.sleep(0.1)'] * 2)
        self.assertEqual(len(tr.of('block_end', lane=loop)), 2)
        ticker = tr.task_lane_of_coro('ticker')
        late = [r['late'] for r in tr.of('run', lane=ticker, why='timer')]
        self.assertGreater(max(late), 50_000_000, 'the ticker timer fired late behind the sleep')

    def test_cooperative_twin_does_not_stall(self):
        tr, _, _ = trace_of('cooperative.py', stall_ms=80)
        self.assertEqual(tr.of('stall'), [])
        self.assertEqual(tr.of('block'), [])
        # The ticker keeps its pace while the worker waits: every tick before the first work
        # (the order of the prints, not how late a timer was: that depends on the machine).
        ticker = tr.task_lane_of_coro('ticker')
        self.assertEqual(len(tr.of('run', lane=ticker, why='timer')), 3)
        self.assertEqual([t for _, t in tr.printed()][:4], ['tick 0', 'tick 1', 'tick 2', 'work 0'])


class Threads(unittest.TestCase):
    def test_to_thread_job_on_a_worker_lane(self):
        tr, _, _ = trace_of('to_thread.py')
        jobs = tr.of('job')
        self.assertEqual(len(jobs), 1)
        job = jobs[0]
        worker = job['lane']
        self.assertEqual(tr.lanes[worker]['kind'], 'thread')
        self.assertEqual((job['func'], job['via']), ('crunch', 'to_thread'))
        main = tr.task_lane_of_coro('main')
        self.assertEqual(job['task'], main)
        self.assertEqual(tr.of('job_end', lane=worker)[0]['outcome'], 'result')
        printed = tr.printed()
        self.assertIn((tr.lane_name(worker), 'crunch starts'), printed)
        self.assertIn(('side', 'side 1'), printed)      # renamed after create_task(name=)
        self.assertEqual(tr.of('block', lane=worker)[0]['line'], 8)
        woke = [r for r in tr.of('run', lane=main) if r['why'] == 'thread']
        self.assertEqual([r['by'] for r in woke], [worker])


class Generators(unittest.TestCase):
    def test_pipeline_yields_values_and_lines(self):
        tr, _, _ = trace_of('gen_pipeline.py')
        squares, numbers = tr.lane_named('squares', 'gen'), tr.lane_named('numbers', 'gen')
        self.assertEqual([(e['value'], e['line']) for e in tr.of('leave', lane=numbers, how='yield')],
                         [('0', 6), ('1', 6), ('2', 6)])
        self.assertEqual([e['value'] for e in tr.of('leave', lane=squares, how='yield')],
                         ['0', '1', '4'])
        self.assertEqual({e['from'] for e in tr.of('enter', lane=numbers)}, {squares})
        self.assertEqual({e['from'] for e in tr.of('enter', lane=squares)}, {0})
        # One value flows through both stages before the consumer prints it.
        kinds = [(e['ev'], e.get('lane'), e.get('text')) for e in tr.events
                 if e['ev'] in ('leave', 'print')][:3]
        self.assertEqual(kinds, [('leave', numbers, None), ('leave', squares, None),
                                 ('print', 0, 'got 0')])
        self.assertEqual(tr.of('leave', lane=numbers)[-1]['how'], 'return')

    def test_send_into_running_total(self):
        tr, _, _ = trace_of('gen_pipeline.py')
        total = tr.lane_named('running_total', 'gen')
        leaves = tr.of('leave', lane=total)
        self.assertEqual([e['value'] for e in leaves if e['how'] == 'yield'], ['0', '5', '12'])
        self.assertEqual(leaves[-1]['how'], 'close')
        self.assertEqual([e['how'] for e in tr.of('enter', lane=total)],
                         ['start', 'resume', 'resume', 'resume'])

    def test_await_inside_an_async_generator_is_named(self):
        # main awaits the generator's asend; the label comes from the await inside readings().
        tr, _, _ = trace_of('async_gen_break.py')
        main = tr.task_lane_of_coro('main')
        suspends = tr.of('suspend', lane=main)
        self.assertTrue(suspends)
        self.assertEqual({s['awaiting'] for s in suspends[:3]}, {'sleep(0.001)'})
        self.assertEqual({s['line'] for s in suspends[:3]}, {8})

    def test_async_generator_break_then_finally(self):
        tr, _, _ = trace_of('async_gen_break.py')
        gen = tr.lane_named('readings', 'gen')
        self.assertEqual(tr.lanes[gen]['obj'], 'async_generator')
        self.assertEqual([e['value'] for e in tr.of('leave', lane=gen, how='yield')],
                         ['0', '10', '20'])
        order = [e.get('text') or e['ev'] for e in tr.events
                 if e['ev'] == 'print' or (e['ev'] == 'leave' and e['how'] == 'close')]
        self.assertEqual(order[-3:], ['after break', 'readings finally', 'leave'])
        closer = [e for e in tr.of('leave', lane=gen) if e['how'] == 'close'][0]
        self.assertNotEqual(closer['from'], tr.task_lane_of_coro('main'),
                            'aclose runs in a task of its own')

    def test_iterator_class_calls(self):
        tr, _, _ = trace_of(os.path.join('battery', 'sync_generators.py'))
        lanes = [l for l in tr.lanes.values() if l['name'] == 'Countdown']
        self.assertEqual(len(lanes), 2)
        first = lanes[0]['lane']
        hows = [e['how'] for e in tr.of('leave', lane=first)]
        self.assertEqual(hows, ['return', 'return', 'return', 'stop'])
        self.assertEqual({e['how'] for e in tr.of('enter', lane=first)}, {'call'})


class Crash(unittest.TestCase):
    def test_crash_keeps_earlier_records(self):
        tr, out, code = trace_of('crash_late.py')
        self.assertEqual(code, 1)
        self.assertEqual([t for _, t in tr.printed()], ['helper 1', 'helper 2'])
        exc = tr.of('exception')
        self.assertEqual(len(exc), 1)
        self.assertEqual((exc[0]['type'], exc[0]['message'], exc[0]['line']),
                         ('RuntimeError', 'boom after work', 12))
        self.assertIn('raise RuntimeError', exc[0]['traceback'])
        self.assertNotIn('loopscope_runtime', exc[0]['traceback'])
        self.assertEqual(tr.events[-1], dict(tr.events[-1], ev='exit', code=1, how='exception'))
        main = tr.task_lane_of_coro('main')
        self.assertEqual(tr.of('done', lane=main)[0]['outcome'], 'exception')

    def test_never_retrieved_and_thread_exceptions(self):
        tr, _, _ = trace_of(os.path.join('battery', 'never_retrieved.py'))
        types = [e['type'] for e in tr.of('exception')]
        self.assertEqual(types, ['ValueError', 'OSError'])
        self.assertEqual(tr.lanes[tr.of('exception')[1]['lane']]['name'], 'failing')
        self.assertIn('boom', ' '.join(w['text'] for w in tr.of('warning')))


if __name__ == '__main__':
    unittest.main()
