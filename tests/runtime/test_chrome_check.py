"""chrome_check.py must catch each kind of convention violation (else the e2e test proves nothing)."""
import copy
import unittest

import chrome_check

STREAM = [
    {'seq': 0, 't': 0, 'ev': 'hello', 'version': 1},
    {'seq': 1, 't': 0, 'ev': 'lane', 'lane': 0, 'kind': 'main', 'name': 'main'},
    {'seq': 2, 't': 1, 'ev': 'lane', 'lane': 1, 'kind': 'loop', 'name': 'loop'},
    {'seq': 3, 't': 2, 'ev': 'lane', 'lane': 2, 'kind': 'task', 'name': 'Task-1', 'coro': 'main', 'parent': 0,
     'loop': 1},
    {'seq': 4, 't': 3, 'ev': 'lane', 'lane': 3, 'kind': 'gen', 'name': 'numbers', 'obj': 'generator', 'parent': 2},
    {'seq': 5, 't': 4, 'ev': 'enter', 'lane': 3, 'from': 2, 'how': 'start'},
    {'seq': 6, 't': 5, 'ev': 'leave', 'lane': 3, 'from': 2, 'how': 'yield', 'value': '1', 'line': 4},
    {'seq': 7, 't': 6, 'ev': 'print', 'lane': 2, 'stream': 'stdout', 'text': 'hi'},
    {'seq': 8, 't': 7, 'ev': 'lane', 'lane': 4, 'kind': 'gen', 'name': 'squares', 'obj': 'generator', 'parent': 2},
    {'seq': 9, 't': 8, 'ev': 'lane', 'lane': 5, 'kind': 'task', 'name': 'Task-2', 'coro': 'work', 'parent': 2,
     'loop': 1},
]


def meta(tid, name, kind):
    return {'ph': 'M', 'name': 'thread_name', 'pid': 1, 'tid': tid, 'args': {'name': name, 'kind': kind}}


def span(tid, cat, name, ts, dur, **args):
    return {'ph': 'X', 'cat': cat, 'name': name, 'pid': 1, 'tid': tid, 'ts': ts, 'dur': dur, 'args': args}


GOOD = {'traceEvents': [
    meta(1, 'main', 'main'), meta(2, 'loop', 'loop'), meta(3, 'Task-1 main()', 'task'),
    span(3, 'step', 'main', 0, 10), span(3, 'suspended', 'sleep(1)', 10, 5, awaiting='sleep(1)'),
    meta(6, 'Task-2 work()', 'task'), span(2, 'blocking', 'time.sleep(0.1)', 2, 3),
    {'ph': 'i', 's': 't', 'name': 'print', 'pid': 1, 'tid': 3, 'ts': 6,
     'args': {'text': 'hi', 'stream': 'stdout'}},
    meta(4, 'numbers', 'generator'),
    span(4, 'running', 'numbers', 4, 1, thread=2, task=3),
    span(4, 'suspended', 'suspended', 5, 3),
    {'ph': 'i', 's': 't', 'name': 'yield', 'pid': 1, 'tid': 4, 'ts': 5,
     'args': {'gen': 'numbers', 'value': '1', 'line': 4}},
    meta(5, 'squares', 'generator'),
    span(5, 'running', 'squares', 7, 1, thread=2, task=3),
    span(5, 'pulling', 'pulling from numbers', 8, 1, **{'from': 'numbers', 'from_tid': 4}),
], 'loopscope': {'version': 1, 'events': STREAM}}


def broken(change):
    trace = copy.deepcopy(GOOD)
    change(trace['traceEvents'])
    return chrome_check.problems(trace)


class ChromeCheck(unittest.TestCase):
    def test_good_trace_passes(self):
        self.assertEqual(chrome_check.problems(GOOD), [])

    def test_each_violation_is_reported(self):
        cases = {
            'no thread_name': lambda ev: ev.pop(1),
            'unknown kind': lambda ev: ev[2]['args'].update(kind='gen'),
            'task not named first': lambda ev: ev[2]['args'].update(name='main() Task-1'),
            'category on wrong lane': lambda ev: ev.append(span(2, 'step', 'main', 20, 1)),
            'unknown category': lambda ev: ev.append(span(3, 'bogus', 'x', 20, 1)),
            'step misnamed': lambda ev: ev[3].update(name='other'),
            'suspended without what it awaits': lambda ev: ev[4].update(name=''),
            'suspended without args.awaiting': lambda ev: ev[4].update(args={}),
            'args.awaiting not its name': lambda ev: ev[4].update(args={'awaiting': 'sleep(2)'}),
            'partial overlap': lambda ev: ev.append(span(2, 'idle', 'idle', 4, 10)),
            'print on wrong lane': lambda ev: ev[7].update(tid=1),
            'print without stream': lambda ev: ev[7]['args'].pop('stream'),
            'duplicated yield': lambda ev: ev.append(copy.deepcopy(ev[11])),
            'yield without line': lambda ev: ev[11]['args'].pop('line'),
            'yield without its generator': lambda ev: ev[11]['args'].pop('gen'),
            'yield of another generator': lambda ev: ev[11]['args'].update(gen='squares'),
            'yield on the driving lane': lambda ev: ev[11].update(tid=3),
            'generator track of the wrong kind': lambda ev: ev[8]['args'].update(kind='task'),
            'two frames running on one thread': lambda ev: ev.append(span(5, 'running', 'squares', 4.5, 1, thread=2)),
            'running outside its task step': lambda ev: ev.append(span(5, 'running', 'squares', 20, 1, thread=2, task=3)),
            'running without its thread': lambda ev: ev[9]['args'].pop('thread'),
            'awaiting without what': lambda ev: ev.append(span(5, 'awaiting', '', 30, 1)),
            'pulling from nothing': lambda ev: ev[14]['args'].update(from_tid=3),
            'pulling without args.from': lambda ev: ev[14]['args'].pop('from'),
            'pulling, args.from another track': lambda ev: ev[14]['args'].update({'from': 'squares'}),
            'pulling named after another track': lambda ev: ev[14].update(name='pulling from squares'),
            'generator span on a task lane': lambda ev: ev.append(span(3, 'running', 'x', 30, 1, thread=2)),
            'starved while the loop idled': lambda ev: ev.append(span(3, 'ready', 'ready, starved', 15, 3000)),
            'starvation not marked (another task ran)': lambda ev: ev.extend([span(6, 'step', 'work', 100, 5000),
                                                                              span(3, 'ready', 'ready', 100, 5000)]),
            'starvation not marked (a callback ran)': lambda ev: ev.extend([span(2, 'callback', 'cb', 100, 2500),
                                                                            span(3, 'ready', 'ready', 100, 5000)]),
            'a ready span named otherwise': lambda ev: ev.append(span(3, 'ready', 'starved', 15, 3000)),
            'a step copied onto the loop lane': lambda ev: ev.append(span(2, 'task', 'Task-1 main()', 0, 10)),
        }
        for name, change in cases.items():
            with self.subTest(case=name):
                self.assertTrue(broken(change), name)

    def test_nesting_is_allowed(self):
        self.assertEqual(broken(lambda ev: ev.append(span(2, 'blocking', 'x', 2.2, 0.5))), [])

    def test_starvation_where_the_loop_was_busy_passes(self):
        busy = broken(lambda ev: ev.extend([span(6, 'step', 'work', 100, 1000), span(6, 'suspended', 'x', 1100, 10, awaiting='x'),
                                            span(2, 'callback', 'cb', 1200, 1000),
                                            span(6, 'step', 'work', 2300, 1000),
                                            span(3, 'ready', 'ready, starved', 100, 5000)]))
        self.assertEqual(busy, [])


class EmbeddedStream(unittest.TestCase):
    """Version 2 of the export holds the stream as compact arrays (docs/trace-format.md)."""
    KINDS = [['lane', 'lane', 'line', 'kind', 'name', 'coro', 'thread', 'obj', 'parent', 'loop'],
             ['run', 'lane', 'line', 'ready', 'by', 'why', 'late'],
             ['print', 'lane', 'line', 'stream', 'text']]

    def test_version_2_reads_as_the_stream(self):
        trace = {'loopscope': {'version': 2, 'kinds': self.KINDS, 'events': [
            [0, 0, 0, None, 'main', 0],
            [-1, 5],
            [0, 2, 2, 3, 'task', 'Task-1', 0, None, None, -1, 1],
            [1, 8, 2, 4, -8, -1, 'start'],
            [2, 5, 2, 4, 'stdout', 'main'],
            [2, 1, 2, 4, 4, 5],  # strings: main task Task-1 start stdout main
            [2, 1, 2, 4, 4, ['a long line, not numbered']],
            [2, 1, 2, 4, 4, 2],
        ]}}
        self.assertEqual(chrome_check.embedded_stream(trace), [
            {'seq': 0, 't': 0, 'ev': 'lane', 'lane': 0, 'kind': 'main', 'name': 'main'},
            {'seq': 5, 't': 2, 'ev': 'lane', 'lane': 2, 'line': 3, 'kind': 'task', 'name': 'Task-1',
             'coro': 'main', 'parent': -1, 'loop': 1},
            {'seq': 6, 't': 10, 'ev': 'run', 'lane': 2, 'line': 4, 'ready': 2, 'by': -1, 'why': 'start'},
            {'seq': 7, 't': 15, 'ev': 'print', 'lane': 2, 'line': 4, 'stream': 'stdout', 'text': 'main'},
            {'seq': 8, 't': 16, 'ev': 'print', 'lane': 2, 'line': 4, 'stream': 'stdout', 'text': 'main'},
            {'seq': 9, 't': 17, 'ev': 'print', 'lane': 2, 'line': 4, 'stream': 'stdout',
             'text': 'a long line, not numbered'},
            {'seq': 10, 't': 18, 'ev': 'print', 'lane': 2, 'line': 4, 'stream': 'stdout', 'text': 'Task-1'},
        ])

    def test_a_string_used_before_it_is_written_is_reported(self):
        trace = copy.deepcopy(GOOD)
        trace['loopscope'] = {'version': 2, 'kinds': self.KINDS, 'events': [[0, 0, 0, None, 3, 0]]}
        self.assertTrue(chrome_check.problems(trace))


if __name__ == '__main__':
    unittest.main()
