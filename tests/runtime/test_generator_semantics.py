"""Generator and iterator records mean the same on every interpreter: 3.11 traces with
sys.settrace, 3.12+ with sys.monitoring, and the enter/leave stream must not tell them apart."""
import os
import unittest

from tracehelp import PYTHON, SCRIPTS, Trace, run_traced

BASELINE = '/usr/bin/python3'    # Debian's 3.11 (sys.settrace): the reference stream
CORPUS = ['generators/closes.py', 'generators/sampled_pipeline.py', 'generators/async_edges.py',
          'gen_pipeline.py', 'async_gen_break.py', 'async_pages.py', 'trial/gen_send.py',
          'trial/class_iter.py', 'trial/agen_pipeline.py', 'battery/sync_generators.py',
          'battery/async_generators.py']


def story(events):
    """The generator records and prints, with lanes by name: what the timeline shows. Past the
    cap a generator is sampled by time: only its records up to then and its last pair count."""
    tr = Trace(events)
    name = lambda lane: tr.lanes[lane]['name'] if lane in tr.lanes else lane
    sampled_from = {}
    for e in events:
        if e['ev'] == 'note' and 'more than 2000 steps' in e['text']:
            sampled_from.setdefault(e['text'].split(':')[0], e['seq'])
    last_pair = {}
    for e in events:
        if e['ev'] in ('enter', 'leave'):
            last_pair.setdefault(e['lane'], []).append(e['seq'])
    keep_last = {seq for seqs in last_pair.values() for seq in seqs[-2:]}
    out = []
    for e in events:
        if e['ev'] in ('enter', 'leave') and e['seq'] > sampled_from.get(name(e['lane']), e['seq']) \
                and e['seq'] not in keep_last:
            continue
        if e['ev'] == 'note' and 'more than 2000 steps' in e['text']:
            continue
        if e['ev'] in ('enter', 'leave'):
            out.append((e['ev'], name(e['lane']), name(e['from']), e['how'], e.get('value'),
                        e.get('exc'), e['line']))
        elif e['ev'] == 'print':
            out.append(('print', name(e['lane']), e['text']))
        elif e['ev'] == 'note':
            out.append(('note', e['text']))
    return out


def run(script, python=None):
    return run_traced(os.path.join(SCRIPTS, script), python=python)[3]


class SameOnEveryInterpreter(unittest.TestCase):
    def test_corpus_matches_the_baseline(self):
        if os.path.realpath(PYTHON) == os.path.realpath(BASELINE):
            self.skipTest('this is the baseline interpreter')
        if not os.path.exists(BASELINE):
            self.skipTest(f'no baseline interpreter at {BASELINE}')
        for script in CORPUS:
            with self.subTest(script=script):
                self.assertEqual(story(run(script)), story(run(script, python=BASELINE)))


class Closes(unittest.TestCase):
    def setUp(self):
        self.tr = Trace(run('generators/closes.py'))

    def leaves(self, name):
        return [(e['how'], e.get('value'), e.get('exc')) for lane in self.lanes(name)
                for e in self.tr.of('leave', lane=lane)]

    def lanes(self, name):
        return [l for l, d in self.tr.lanes.items() if d['name'] == name and d['kind'] == 'gen']

    def test_every_close_is_recorded_where_it_happens(self):
        # plain(): closed by close(), dropped by `del`, and left by a break: three closes, each
        # right before the line printed after it (3.13 runs no code for these closes).
        self.assertEqual(self.leaves('plain'), [('yield', '1', None), ('close', None, None)] * 3)
        texts = [e.get('text') or e['how'] for e in self.tr.events
                 if e['ev'] == 'print' or (e['ev'] == 'leave' and e['how'] == 'close')]
        for before in ('closed plain', 'dropped plain', 'after break'):
            self.assertEqual(texts[texts.index(before) - 1], 'close', before)
        self.assertEqual(self.leaves('guarded'), [('yield', "'a'", None), ('close', None, None)])

    def test_throw_caught_then_raised_and_a_raise(self):
        self.assertEqual(self.leaves('catcher'), [('yield', "'ready'", None),
                                                  ('yield', "'ready'", None),
                                                  ('raise', None, 'ValueError')])
        self.assertEqual(self.leaves('raiser'), [('yield', '1', None), ('raise', None, 'ValueError')])

    def test_yield_from_is_driven_by_the_delegating_generator(self):
        outer, inner = self.lanes('outer')[0], self.lanes('inner')[0]
        self.assertEqual({e['from'] for e in self.tr.of('enter', lane=inner)}, {outer})
        self.assertEqual(self.leaves('inner'), [('yield', "'i1'", None),
                                                ('return', "'inner result'", None)])

    def test_iterator_class_stops(self):
        self.assertEqual([h for h, _, _ in self.leaves('Upto')], ['return'] * 3 + ['stop'])

    def test_enter_and_leave_pair_up(self):
        for lane, decl in self.tr.lanes.items():
            if decl['kind'] == 'gen':
                kinds = [e['ev'] for e in self.tr.events
                         if e.get('lane') == lane and e['ev'] in ('enter', 'leave')]
                self.assertEqual(kinds, ['enter', 'leave'] * (len(kinds) // 2), decl['name'])


class Sampling(unittest.TestCase):
    def test_past_the_cap_a_sample_of_pairs_and_the_end(self):
        tr = Trace(run('generators/sampled_pipeline.py'))
        numbers, squares = tr.lane_named('numbers', 'gen'), tr.lane_named('squares', 'gen')
        for lane in (numbers, squares):
            kinds = [e['ev'] for e in tr.events if e.get('lane') == lane and e['ev'] in ('enter', 'leave')]
            self.assertEqual(kinds, ['enter', 'leave'] * (len(kinds) // 2), 'pairs, even sampled')
        yields = tr.of('leave', lane=numbers, how='yield')
        # 4501 values: the first 2000 recorded one by one, then a sample.
        self.assertEqual([e['value'] for e in yields[:2000]], [str(i) for i in range(2000)])
        self.assertLess(len(yields), 4501)
        values = [int(e['value']) for e in yields]
        self.assertEqual(values, sorted(set(values)), 'samples in order, none twice')
        self.assertEqual(tr.of('leave', lane=numbers)[-1]['how'], 'close')
        # squares pulls every value; the break closes squares, and its end drops numbers.
        enters = tr.of('enter', lane=numbers)
        self.assertEqual({e['from'] for e in enters[:-1]}, {squares})
        self.assertEqual(enters[-1]['from'], 0)
        ends = [(e['lane'], e['how']) for e in tr.events if e['ev'] == 'leave' and e['how'] == 'close']
        self.assertEqual(ends, [(squares, 'close'), (numbers, 'close')])
        notes = sorted(n['text'] for n in tr.of('note'))
        self.assertEqual(len(notes), 2)
        self.assertTrue(notes[0].startswith('numbers: more than 2000 steps; recording about one step per'))
        self.assertTrue(notes[1].startswith('squares: more than 2000 steps; recording about one step per'))


class AsyncEdges(unittest.TestCase):
    def test_awaits_inside_leave_no_records_and_cleanup_awaits_stay_inside_the_close(self):
        tr = Trace(run('generators/async_edges.py'))
        lanes = [l for l, d in tr.lanes.items() if d['name'] == 'ticker']
        self.assertEqual(len(lanes), 3)
        for lane in lanes:
            hows = [e['how'] for e in tr.of('leave', lane=lane)]
            self.assertEqual(hows[-1], 'close' if lane != lanes[0] else 'return', hows)
            self.assertNotIn('raise', hows)
        closes = [e for e in tr.events if e['ev'] == 'leave' and e['how'] == 'close']
        self.assertTrue(all(e['line'] == 15 for e in closes), 'after the await in finally')
        countdowns = [l for l, d in tr.lanes.items() if d['name'] == 'Countdown']
        self.assertEqual([e['how'] for e in tr.of('leave', lane=countdowns[1])], ['raise'])
        self.assertEqual(tr.of('leave', lane=countdowns[1])[0]['exc'], 'ValueError')


if __name__ == '__main__':
    unittest.main()
