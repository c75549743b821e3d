"""chrome_check.py must catch each kind of convention violation (else the e2e test proves nothing)."""
import copy
import unittest

import chrome_check

STREAM = [
    {'seq': 0, 't': 0, 'ev': 'hello', 'version': 1},
    {'seq': 1, 't': 0, 'ev': 'lane', 'lane': 0, 'kind': 'main', 'name': 'main'},
    {'seq': 2, 't': 1, 'ev': 'lane', 'lane': 1, 'kind': 'loop', 'name': 'loop'},
    {'seq': 3, 't': 2, 'ev': 'lane', 'lane': 2, 'kind': 'task', 'name': 'Task-1', 'coro': 'main', 'parent': 0},
    {'seq': 4, 't': 3, 'ev': 'lane', 'lane': 3, 'kind': 'gen', 'name': 'numbers', 'parent': 2},
    {'seq': 5, 't': 4, 'ev': 'enter', 'lane': 3, 'from': 2, 'how': 'start'},
    {'seq': 6, 't': 5, 'ev': 'leave', 'lane': 3, 'from': 2, 'how': 'yield', 'value': '1', 'line': 4},
    {'seq': 7, 't': 6, 'ev': 'print', 'lane': 2, 'stream': 'stdout', 'text': 'hi'},
]


def meta(tid, name, kind):
    return {'ph': 'M', 'name': 'thread_name', 'pid': 1, 'tid': tid, 'args': {'name': name, 'kind': kind}}


def span(tid, cat, name, ts, dur, **args):
    return {'ph': 'X', 'cat': cat, 'name': name, 'pid': 1, 'tid': tid, 'ts': ts, 'dur': dur, 'args': args}


GOOD = {'traceEvents': [
    meta(1, 'main', 'main'), meta(2, 'loop', 'loop'), meta(3, 'Task-1 main()', 'task'),
    span(3, 'step', 'main', 0, 10), span(3, 'suspended', 'sleep(1)', 10, 5, awaiting='sleep(1)'),
    span(2, 'task', 'Task-1 main()', 0, 10), span(2, 'blocking', 'time.sleep(0.1)', 2, 3),
    {'ph': 'i', 's': 't', 'name': 'print', 'pid': 1, 'tid': 3, 'ts': 6,
     'args': {'text': 'hi', 'stream': 'stdout'}},
    {'ph': 'i', 's': 't', 'name': 'yield', 'pid': 1, 'tid': 3, 'ts': 5,
     'args': {'gen': 'numbers', 'value': '1', 'line': 4}},
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
            'suspended without awaiting': lambda ev: ev[4].update(args={}),
            'partial overlap': lambda ev: ev.append(span(2, 'idle', 'idle', 4, 10)),
            'print on wrong lane': lambda ev: ev[7].update(tid=1),
            'print without stream': lambda ev: ev[7]['args'].pop('stream'),
            'duplicated yield': lambda ev: ev.append(dict(ev[8], args=dict(ev[8]['args'], gen='x'))),
            'yield without line': lambda ev: ev[8]['args'].pop('line'),
        }
        for name, change in cases.items():
            with self.subTest(case=name):
                self.assertTrue(broken(change), name)

    def test_nesting_is_allowed(self):
        self.assertEqual(broken(lambda ev: ev.append(span(2, 'blocking', 'x', 3, 1))), [])


if __name__ == '__main__':
    unittest.main()
