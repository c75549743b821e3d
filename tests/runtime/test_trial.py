"""What the runtime records for the learner-style programs in scripts/trial."""
import os
import unittest

from tracehelp import SCRIPTS, Trace, run_traced


def python_version(tr):
    return tuple(int(p) for p in tr.of('hello')[0]['python'].split('.')[:2])


def trace_of(name):
    out, err, code, events = run_traced(os.path.join(SCRIPTS, 'trial', name))
    return Trace(events), out.decode()


class Labels(unittest.TestCase):
    def test_async_with_lock_is_labelled_as_the_acquire(self):
        # `async with lock:` awaits asyncio's context-manager mixin, which awaits Lock.acquire.
        tr, _ = trace_of('lock_counter.py')
        waits = {(e['awaiting'], e['wait']) for e in tr.of('suspend')}
        self.assertIn(('Lock.acquire()', 'lock'), waits)
        self.assertFalse([w for w in waits if 'ContextManagerMixin' in w[0]], waits)
        acquires = tr.of('suspend', awaiting='Lock.acquire()')
        self.assertEqual({e['line'] for e in acquires}, {18})   # the `async with lock:` line

    def test_async_with_semaphore_is_labelled_as_the_acquire(self):
        tr, _ = trace_of('semaphore_crawl.py')
        acquires = tr.of('suspend', awaiting='Semaphore.acquire()', wait='lock')
        # Six pages, two slots: the last four wait for a slot.
        self.assertEqual(sorted(tr.lane_name(e['lane']) for e in acquires),
                         ['page2', 'page3', 'page4', 'page5'])

    def test_wait_for_targets_the_task_running_the_awaited_coroutine(self):
        tr, _ = trace_of('scrape_wait_for.py')
        if python_version(tr) >= (3, 12):
            # 3.12 runs the awaited coroutine in the awaiting task itself (under a timeout):
            # the wait is the coroutine's own, and there is no task to point at.
            sleeps = tr.of('suspend', line=9, wait='sleep')
            self.assertEqual(len({e['lane'] for e in sleeps}), 5)
            self.assertEqual([l for l in tr.lanes.values() if l.get('coro') == 'fetch'], [])
            return
        waits = tr.of('suspend', awaiting='wait_for(0.1)')
        self.assertEqual(len({e['lane'] for e in waits}), 5)
        for e in waits:
            target = tr.lanes[e['target']]
            self.assertEqual((target['kind'], target['coro'], target['parent']),
                             ('task', 'fetch', e['lane']))


class Executors(unittest.TestCase):
    def test_process_pool_gets_the_users_callable(self):
        # A wrapped callable cannot be pickled: the run would fail with an AttributeError.
        tr, out = trace_of('process_pool.py')
        self.assertEqual(out.splitlines(), ['first 328350', 'all [285, 2470, 8555]'])
        main = tr.task_lane_of_coro('main')
        self.assertEqual(tr.of('suspend', lane=main)[0]['awaiting'], 'run_in_executor(crunch)')
        self.assertEqual(tr.of('job'), [])     # the jobs run in other processes

    def test_forked_children_exit_while_a_thread_is_recording(self):
        # A child forked while another thread held the tracer's lock used to hang in os._exit.
        out, _, code, events = run_traced(os.path.join(SCRIPTS, 'trial', 'fork_while_busy.py'),
                                          timeout=60)
        self.assertEqual((out.decode(), code), ('children exited: 40\n', 0))
        self.assertEqual([e['ev'] for e in events].count('exit'), 1)   # the children wrote none

    def test_bounded_thread_pool_jobs_on_two_worker_lanes(self):
        tr, _ = trace_of('thread_pool.py')
        jobs = tr.of('job', func='resize')
        self.assertEqual(len(jobs), 4)
        self.assertEqual(sorted({tr.lane_name(j['lane']) for j in jobs}), ['pool_0', 'pool_1'])
        self.assertIn(('asyncio_0', 'worker says: hello from a thread'), tr.printed())
        # asyncio.run's shutdown of the default executor is plumbing, not a callback to show.
        self.assertEqual(tr.of('cb'), [])


class WakeUps(unittest.TestCase):
    def test_taskgroup_cancellation_is_by_the_failed_child(self):
        tr, out = trace_of('taskgroup_fail.py')
        broken, slow = tr.lane_named('broken'), tr.lane_named('slow')
        main = tr.task_lane_of_coro('main')
        for lane in (slow, main):
            cancels = tr.of('run', lane=lane, why='cancel')
            self.assertEqual([e['by'] for e in cancels], [broken], tr.lane_name(lane))
        self.assertEqual(tr.of('done', lane=slow)[0]['outcome'], 'cancelled')
        self.assertEqual(tr.printed()[-2:], [('Task-1', 'caught: broken: connection reset'),
                                             ('Task-1', 'after the group')])

    def test_timeout_cancel_is_by_the_loop_timer_callback(self):
        tr, _ = trace_of('timeout_slow.py')
        main = tr.task_lane_of_coro('main')
        self.assertEqual([e['by'] for e in tr.of('run', lane=main, why='cancel')],
                         [tr.lane_named('loop')])
        self.assertEqual([e['name'] for e in tr.of('cb')], ['Timeout._on_timeout'])


class Loops(unittest.TestCase):
    def test_sequential_asyncio_runs_share_one_loop_lane(self):
        tr, out = trace_of('two_demos.py')
        loops = [l for l in tr.lanes.values() if l['kind'] == 'loop']
        self.assertEqual([l['name'] for l in loops], ['loop'])
        self.assertIn('demo one on _UnixSelectorEventLoop running: True', out)
        self.assertEqual({e['lane'] for e in tr.of('idle')}, {loops[0]['lane']})


    def test_loops_in_threads_get_their_own_lanes_and_tasks_say_which(self):
        tr, out = trace_of('loops_in_threads.py')
        loops = sorted(l['lane'] for l in tr.lanes.values() if l['kind'] == 'loop')
        self.assertEqual(len(loops), 2)      # two alive at once; the main thread's run reuses one
        tasks = [l for l in tr.lanes.values() if l['kind'] == 'task']
        self.assertEqual(len(tasks), 3)
        self.assertEqual(len({t['loop'] for t in tasks[:2]}), 2)
        self.assertEqual(tasks[2]['loop'], tasks[1]['loop'])
        for task in tasks:   # a task's steps happen while its loop is not idle
            loop_events = [e['ev'] for e in tr.events if e.get('lane') in (task['loop'], task['lane'])
                           and e['ev'] in ('idle', 'idle_end', 'run')]
            self.assertNotIn(('idle', 'run'), list(zip(loop_events, loop_events[1:])), task['name'])


class Output(unittest.TestCase):
    def test_prints_recorded_after_stdout_is_restored_from_dunder(self):
        tr, out = trace_of('redirect_restore.py')
        texts = [t for _, t in tr.printed()]
        self.assertIn("restored, kept 'also captured\\n'", texts)
        self.assertEqual(texts[-1], 'done')
        self.assertNotIn('captured line', texts)    # it went to the StringIO

    def test_a_long_line_written_at_once_is_cut_into_records(self):
        tr, out = trace_of('redirect_restore.py')
        texts = [t for _, t in tr.printed()]
        long_line = next(line for line in out.splitlines() if line.startswith('one long line'))
        start = texts.index(long_line[:4000])
        self.assertEqual(texts[start + 1], long_line[4000:])
        self.assertEqual(texts[start + 2], 'done')

    def test_stderr_and_stdout_records_keep_program_order(self):
        tr, _ = trace_of('stderr_mix.py')
        got = [(e['stream'], tr.lane_name(e['lane']), e['text']) for e in tr.of('print')]
        self.assertEqual(got, [
            ('stdout', 'main', 'out 1'), ('stderr', 'main', 'err 1'), ('stdout', 'main', 'out 2'),
            ('stderr', 'main', 'err 2 partial continued'), ('stdout', 'Task-1', 'task out'),
            ('stderr', 'Task-1', 'task err'), ('stdout', 'Task-1', 'task out after sleep'),
            ('stderr', 'Task-1', 'warning: something odd'), ('stdout', 'main', 'out 3'),
            ('stderr', 'main', 'err 3 without newline')])


class Generators(unittest.TestCase):
    def test_send_pipeline_stages_and_values(self):
        tr, _ = trace_of('gen_send.py')
        avg, valid, readings = (tr.lane_named(n, 'gen') for n in ('averager', 'valid', 'readings'))
        self.assertEqual([e['value'] for e in tr.of('leave', lane=valid, how='yield')],
                         ['12', '15', '9', '18'])
        self.assertEqual([e['value'] for e in tr.of('leave', lane=avg, how='yield')],
                         ['None', '12.0', '13.5', '12.0', '13.5'])
        self.assertEqual({e['from'] for e in tr.of('enter', lane=readings)}, {valid})
        self.assertEqual(tr.of('leave', lane=avg)[-1]['how'], 'close')

    def test_class_iterator_items_and_stop(self):
        tr, _ = trace_of('class_iter.py')
        first = [l['lane'] for l in tr.lanes.values() if l['name'] == 'Countdown'][0]
        leaves = tr.of('leave', lane=first)
        self.assertEqual([(e['how'], e.get('value')) for e in leaves],
                         [('return', '3'), ('return', '2'), ('return', '1'), ('stop', None)])
        self.assertEqual({e['how'] for e in tr.of('enter', lane=first)}, {'call'})


if __name__ == '__main__':
    unittest.main()
