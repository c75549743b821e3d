#!/usr/bin/env python3
"""Check that a Chrome trace written by `loopscope trace -o` follows loopscope's conventions.

    chrome_check.py TRACE.json [TRACE.json ...]

The conventions (docs/trace-format.md, "Chrome trace export") are checked against the event
stream that the export carries under "loopscope": every lane has a thread_name with its kind,
task lanes are named after the task, spans have known categories on the right kind of lane and
nest properly per thread, every printed line and every yield appears on the lane it belongs to
(a yield on the track of the generator that yielded it), and on one thread at most one
generator or iterator track is `running` at any instant, inside a step of the task driving it.
Prints one line per problem and exits 1 if there is any (0 otherwise). Also importable:
`problems(trace_dict)` returns the list of problems, and `embedded_stream(trace_dict)` the
stream records as dicts (an export of version 2 holds them compactly: "The embedded stream").
"""
import bisect
import json
import sys

KINDS = {'main', 'loop', 'task', 'thread', 'generator', 'iterator'}
GEN_KINDS = {'generator', 'iterator'}
# Which categories of X spans may appear on which kind of lane.
CATEGORY_LANES = {
    'step': {'task'},            # a task's step, on its own lane
    'suspended': {'task', 'generator', 'iterator'},  # awaiting (task) / paused at a yield (generator)
    'running': GEN_KINDS,        # a generator frame executing
    'awaiting': GEN_KINDS,       # an async generator frame inside an await
    'pulling': GEN_KINDS,        # inside next()/__anext__() of another traced stage
    'ready': {'task'},
    'callback': {'loop'},
    'idle': {'loop'},
    'blocking': {'loop', 'thread', 'main'},
    'thread': {'thread'},        # an executor / to_thread job
}
EPSILON_US = 0.002  # timestamps are ns printed as float us: allow rounding
STARVED_US = 2000   # kStarvedNs: a ready span is starved when its loop ran this much other work


TIME_FIELDS = {'ready', 'since', 'due'}     # written relative to the record's t in version 2
TEXT_FIELDS = {'kind', 'name', 'coro', 'thread', 'obj', 'why', 'awaiting', 'wait', 'outcome', 'detail',
               'func', 'what', 'via', 'how', 'value', 'exc', 'stream', 'text', 'type', 'message',
               'traceback', 'category', 'python', 'impl', 'script', 'status'}


def embedded_stream(trace):
    """The event stream records that an export carries under "loopscope", as dicts with every
    field named (lane fields that name no lane may be missing: read them as -1)."""
    ls = trace['loopscope']
    if ls.get('version') == 1:
        return list(ls['events'])
    if ls.get('version') != 2:
        raise ValueError(f"export format version {ls.get('version')!r}")
    kinds, strings, records = ls['kinds'], [], []
    t = seq = 0
    for r in ls['events']:
        if r[0] == -1:          # [-1, N]: the next record's seq
            seq = r[1]
            continue
        kind = kinds[r[0]]
        t += r[1]
        record = {'seq': seq, 't': t, 'ev': kind[0]}
        seq += 1
        for name, value in zip(kind[1:], r[2:]):
            if value is None:
                continue
            if isinstance(value, list):
                value = value[0]            # ["text"]: text that gets no number
            elif isinstance(value, str):
                strings.append(value)       # a string gets the next number
            elif name in TEXT_FIELDS:
                value = strings[value]      # a string written before
            elif name in TIME_FIELDS:
                value += t
            record[name] = value
        records.append(record)
    return records


def _lane_records(stream):
    """{lane: lane record, with the final name after renames}."""
    lanes = {}
    for e in stream:
        if e.get('ev') == 'lane':
            lanes[e['lane']] = dict(e)
        elif e.get('ev') == 'rename' and e.get('lane') in lanes:
            lanes[e['lane']]['name'] = e['name']
    return lanes


def _export_kind(rec):
    """The kind a stream lane is exported as."""
    if rec['kind'] != 'gen':
        return rec['kind']
    return 'iterator' if rec.get('obj') in ('iterator', 'async_iterator') else 'generator'


def _check_threads(events, lanes, out):
    """thread_name metadata: one per tid used, a known kind, names matching the stream's lanes."""
    names = {}
    for e in events:
        if e.get('ph') == 'M' and e.get('name') == 'thread_name':
            args = e.get('args', {})
            if e['tid'] in names:
                out.append(f"tid {e['tid']}: two thread_name events")
            names[e['tid']] = args
            if args.get('kind') not in KINDS:
                out.append(f"tid {e['tid']}: thread_name kind {args.get('kind')!r} not in {sorted(KINDS)}")
            if not isinstance(args.get('name'), str) or not args['name']:
                out.append(f"tid {e['tid']}: thread_name without a name")
    used = {e['tid'] for e in events if e.get('ph') in ('X', 'i', 'B', 'E')}
    for tid in sorted(used - set(names)):
        out.append(f'tid {tid}: events but no thread_name metadata')
    for lane, rec in lanes.items():
        args = names.get(lane + 1)
        if args is None:
            out.append(f"lane {lane} ({rec['kind']} {rec['name']!r}): no thread_name for tid {lane + 1}")
            continue
        if args.get('kind') != _export_kind(rec):
            out.append(f"tid {lane + 1}: kind {args.get('kind')!r}, the stream says {_export_kind(rec)!r}")
        display = args.get('name', '')
        if rec['kind'] == 'gen' and display != rec['name']:
            out.append(f"tid {lane + 1}: generator lane named {display!r}, the stream says {rec['name']!r}")
        if rec['kind'] == 'task':
            if not display.startswith(rec['name']):
                out.append(f"tid {lane + 1}: task lane {display!r} does not start with the task name {rec['name']!r}")
            if rec.get('coro') and rec['coro'] not in display:
                out.append(f"tid {lane + 1}: task lane {display!r} does not name its coroutine {rec['coro']!r}")
    return names


def _check_spans(events, names, lanes, out):
    """Categories on the right lanes, required names/args, proper nesting per tid."""
    per_tid = {}
    for e in events:
        if e.get('ph') != 'X':
            continue
        tid, cat = e.get('tid'), e.get('cat')
        kind = names.get(tid, {}).get('kind')
        where = f"tid {tid} {cat} {e.get('name')!r} at {e.get('ts')}"
        if cat not in CATEGORY_LANES:
            out.append(f'{where}: unknown category')
        elif kind not in CATEGORY_LANES[cat]:
            out.append(f'{where}: category {cat!r} on a {kind} lane')
        if not isinstance(e.get('ts'), (int, float)) or not isinstance(e.get('dur'), (int, float)) \
                or e['dur'] < 0:
            out.append(f'{where}: bad ts/dur {e.get("ts")!r}/{e.get("dur")!r}')
            continue
        if cat == 'step':
            coro = lanes.get(tid - 1, {}).get('coro')
            if coro and e.get('name') != coro:
                out.append(f'{where}: step named {e.get("name")!r}, the task runs {coro!r}')
        args = e.get('args', {})
        is_wait = (cat == 'suspended' and kind == 'task') or cat == 'awaiting'
        if is_wait and (not args.get('awaiting') or e.get('name') != args.get('awaiting')):
            out.append(f'{where}: a wait says what it awaits in args.awaiting, and is named after it')
        if cat == 'pulling':
            inner = names.get(args.get('from_tid'), {})
            if inner.get('kind') not in GEN_KINDS or inner.get('name') != args.get('from') \
                    or e.get('name') != f"pulling from {inner.get('name')}":
                out.append(f'{where}: pulling span whose args.from/from_tid {args.get("from")!r}/'
                           f'{args.get("from_tid")!r} name no generator or iterator track (of its name)')
        per_tid.setdefault(tid, []).append(e)
    for tid, spans in per_tid.items():
        _check_nesting(tid, spans, out)
    _check_one_running_frame(per_tid, names, out)
    _check_starvation(per_tid, lanes, out)


def _loop_work(per_tid, lanes, loop):
    """The spans of work a loop ran: the steps of the tasks on it (on their own lanes: the
    export does not copy them onto the loop's) and its callbacks."""
    steps = [x for tid, spans in per_tid.items() if lanes.get(tid - 1, {}).get('loop') == loop
             for x in spans if x['cat'] == 'step']
    work = steps + [x for x in per_tid.get(loop + 1, []) if x['cat'] == 'callback']
    work.sort(key=lambda x: x['ts'])
    return work, [x['ts'] for x in work]


def _overlap(work, a, b):
    """How much of [a, b] the loop's work covers. One loop runs one thing at a time: its work
    spans follow each other, so the ones after a start come in order."""
    spans, starts = work
    i = max(0, bisect.bisect_right(starts, a) - 1)
    total = 0.0
    while i < len(spans) and spans[i]['ts'] < b:
        total += max(0.0, min(b, spans[i]['ts'] + spans[i]['dur']) - max(a, spans[i]['ts']))
        i += 1
    return total


def _check_starvation(per_tid, lanes, out):
    """A ready span is marked starved exactly when the task's loop ran other work (task steps,
    callbacks) for STARVED_US or more of it; waiting while the loop idled is not starvation."""
    work_of = {}
    for tid, spans in per_tid.items():
        loop = lanes.get(tid - 1, {}).get('loop')
        if loop is None:
            continue
        if loop not in work_of:
            work_of[loop] = _loop_work(per_tid, lanes, loop)
        for s in spans:
            if s['cat'] != 'ready':
                continue
            a, b = s['ts'], s['ts'] + s['dur']
            work = _overlap(work_of[loop], a, b)
            if s['name'] not in ('ready', 'ready, starved'):
                out.append(f"tid {tid} ready at {a}: named {s['name']!r}, not 'ready' or 'ready, starved'")
                continue
            starved = s['name'] == 'ready, starved'  # said by the name alone
            # Rounding of us floats: only flag clear disagreements.
            if starved and work < STARVED_US - 1:
                out.append(f"tid {tid} ready at {a}: marked starved, but its loop ran only {work:.1f} us of other work")
            if not starved and work > STARVED_US + 1:
                out.append(f"tid {tid} ready at {a}: its loop ran {work:.1f} us of other work, not marked starved")


def _check_one_running_frame(per_tid, names, out):
    """On one thread (args.thread) at most one generator track runs at any instant, and a frame
    that a task drives (args.task) runs inside one of that task's steps."""
    per_thread = {}
    for tid, spans in per_tid.items():
        for s in spans:
            if s['cat'] != 'running':
                continue
            args = s.get('args', {})
            where = f"tid {tid} running {s['name']!r} at {s['ts']}"
            if not isinstance(args.get('thread'), int):
                out.append(f'{where}: running span without args.thread')
                continue
            per_thread.setdefault(args['thread'], []).append(s)
            task = args.get('task')
            if task is not None:
                steps = [x for x in per_tid.get(task, []) if x['cat'] == 'step']
                inside = any(x['ts'] - EPSILON_US <= s['ts'] and s['ts'] + s['dur'] <= x['ts'] + x['dur'] + EPSILON_US
                             for x in steps)
                if not inside:
                    out.append(f'{where}: not inside a step of its task (tid {task})')
    for thread, spans in per_thread.items():
        spans.sort(key=lambda e: e['ts'])
        latest = None
        for s in spans:
            if latest is not None and s['ts'] + EPSILON_US < latest['ts'] + latest['dur'] and s['dur'] > 0:
                out.append(f"thread tid {thread}: {names.get(s['tid'], {}).get('name')!r} runs at {s['ts']} "
                           f"while {names.get(latest['tid'], {}).get('name')!r} runs "
                           f"[{latest['ts']}, {latest['ts'] + latest['dur']}]")
            if latest is None or s['ts'] + s['dur'] > latest['ts'] + latest['dur']:
                latest = s


def _check_nesting(tid, spans, out):
    """Spans on one tid either nest or follow each other, never overlap partly."""
    spans = sorted(spans, key=lambda e: (e['ts'], -e['dur']))
    stack = []
    for s in spans:
        start, end = s['ts'], s['ts'] + s['dur']
        while stack and stack[-1][1] <= start + EPSILON_US:
            stack.pop()
        if stack and end > stack[-1][1] + EPSILON_US:
            outer = stack[-1][2]
            out.append(f"tid {tid}: {s['cat']} {s['name']!r} [{start}, {end}] overlaps "
                       f"{outer['cat']} {outer['name']!r} [{outer['ts']}, {stack[-1][1]}] partly")
            continue
        stack.append((start, end, s))


def _check_prints(events, stream, lanes, out):
    """Every print record of the stream appears, in order, on the lane that printed it."""
    want = {}
    for e in stream:
        if e.get('ev') == 'print':
            lane = e['lane'] if e['lane'] in lanes else None
            want.setdefault(None if lane is None else lane + 1, []).append((e['stream'], e['text']))
    got = {}
    for e in sorted((e for e in events if e.get('ph') == 'i' and e.get('name') == 'print'),
                    key=lambda e: e['ts']):
        args = e.get('args', {})
        if not isinstance(args.get('text'), str) or args.get('stream') not in ('stdout', 'stderr'):
            out.append(f"tid {e['tid']} print at {e['ts']}: args.text/args.stream missing: {args!r}")
            continue
        got.setdefault(e['tid'], []).append((args['stream'], args['text']))
    if None in want:
        out.append(f'{len(want.pop(None))} print records on lanes that are not declared')
    for tid in sorted(set(want) | set(got)):
        # Same-ts instants may come in any order: compare as multisets when the order differs.
        w, g = want.get(tid, []), got.get(tid, [])
        if w != g and sorted(w) != sorted(g):
            missing = [x for x in w if x not in g][:3]
            extra = [x for x in g if x not in w][:3]
            out.append(f'tid {tid}: {len(g)} print instants, the stream has {len(w)} '
                       f'(missing {missing}, unexpected {extra})')


def _expected_yields(stream, lanes):
    """[(tid, gen, value, line)] the export must show: every generator yield, and every item an
    iterator's __next__ returns (a `leave how=return` after an `enter how=call`)."""
    expected, called = [], {}
    for e in stream:
        if e.get('ev') == 'enter':
            called[e['lane']] = e.get('how') == 'call'
        elif e.get('ev') == 'leave' and (e.get('how') == 'yield'
                                         or (e.get('how') == 'return' and called.get(e['lane']))):
            gen = lanes.get(e['lane'])
            if gen is not None:
                expected.append((e['lane'] + 1, gen.get('name'), e.get('value', ''), e.get('line', 0)))
    return expected


def _check_yields(events, stream, lanes, out):
    """One yield instant per yielded value, with args gen/value/line, on the track of the
    generator that yielded it."""
    got = []
    for e in events:
        if e.get('ph') != 'i' or e.get('name') != 'yield':
            continue
        args = e.get('args', {})
        if not (isinstance(args.get('gen'), str) and isinstance(args.get('value'), str)
                and isinstance(args.get('line'), int)):
            out.append(f"tid {e['tid']} yield at {e['ts']}: args.gen/value/line missing: {args!r}")
            continue
        got.append((e['tid'], args['gen'], args['value'], args['line']))
    expected = _expected_yields(stream, lanes)
    if sorted(got) != sorted(expected):
        missing = [y for y in expected if y not in got][:3]
        extra = [y for y in got if y not in expected][:3]
        out.append(f'{len(got)} yield instants, the stream has {len(expected)} yields '
                   f'(missing (tid, gen, value, line) {missing}, unexpected {extra})')


def problems(trace):
    """The list of convention violations in a parsed Chrome trace (empty if none)."""
    out = []
    events = trace.get('traceEvents')
    if not isinstance(events, list) or not isinstance(trace.get('loopscope', {}).get('events'), list):
        return ['no traceEvents list or no loopscope.events list']
    try:
        stream = embedded_stream(trace)
    except (ValueError, KeyError, IndexError, TypeError) as e:
        return [f'the embedded stream does not follow the format: {e!r}']
    lanes = _lane_records(stream)
    names = _check_threads(events, lanes, out)
    _check_spans(events, names, lanes, out)
    _check_prints(events, stream, lanes, out)
    _check_yields(events, stream, lanes, out)
    return out


def main(paths):
    if not paths:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    failed = False
    for path in paths:
        with open(path, encoding='utf-8') as f:
            found = problems(json.load(f))
        for p in found:
            print(f'{path}: {p}')
        failed = failed or bool(found)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
