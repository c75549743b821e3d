"""Predictions at other knob values: the answer loopscope derives from the run must be the one
that is right for the right reason, not only at the defaults. For every knob of every lesson
that has predictions, the table below names the right choice at the knob's extremes (and at
the values where the behaviour changes), and this script runs
`loopscope check LESSON --knob NAME=VALUE ...` and compares.

Usage: python3 prediction_sweep.py LOOPSCOPE LESSONS_DIR"""
import re
import subprocess
import sys

# (lesson, {knob: value}, prediction id, the start of the right choice's text)
TABLE = [
    ("04", {"fetches": "2"}, "gather-order", "[0, 1, 2]: the order the fetches were passed"),
    ("04", {"fetches": "8"}, "gather-order", "[0, 1, 2]: the order the fetches were passed"),
    ("05", {"pages": "1"}, "suspensions", "Once per page"),
    ("05", {"pages": "6", "per_page": "1"}, "suspensions", "Once per page"),
    ("05", {"pages": "6", "per_page": "8"}, "suspensions", "Once per page"),
    ("06", {"background": "1"}, "others-run", "Yes"),
    ("06", {"background": "6"}, "others-run", "Yes"),
    ("07", {"blocking": "1", "work": "0.1"}, "ticks-before", "All three parts, then tick 1"),
    ("07", {"blocking": "1", "work": "1.5"}, "ticks-before", "All three parts, then tick 1"),
    ("07", {"blocking": "0", "work": "0.3"}, "ticks-before", "tick 1: the ticker keeps its pace"),
    ("07", {"blocking": "0", "work": "1.5"}, "ticks-before", "tick 1: the ticker keeps its pace"),
    ("07", {"blocking": "0", "work": "0.1"}, "ticks-before", "processed part 0, then ticks and parts take turns"),
    ("08", {"workers": "1", "work": "cpu"}, "side-ticks", "Yes"),
    ("08", {"workers": "4", "work": "io"}, "side-ticks", "Yes"),
    ("09", {"aclosing": "0"}, "finally-when", "After: later, in another task"),
    ("10", {"limit": "21"}, "reads-ahead", "No: exactly as many readings"),
    ("10", {"limit": "40"}, "reads-ahead", "No: exactly as many readings"),
    ("11", {"rate": "2"}, "pause-after-slow", "It shrinks"),
    ("11", {"rate": "20"}, "pause-after-slow", "It shrinks"),
    ("11", {"slow": "0"}, "pause-after-slow", "It stays as long"),
    ("11", {"rate": "20", "slow": "0"}, "pause-after-slow", "It stays as long"),
    ("11", {"limited": "0"}, "pause-after-slow", "There is no pause"),
    ("12", {"chunks": "2"}, "when-server", "Right after the first chunk is sent"),
    ("12", {"chunks": "12"}, "when-server", "Right after the first chunk is sent"),
    ("13", {"chunk": "3"}, "first-record", "Yes: right after the chunks"),
    ("13", {"chunk": "30"}, "first-record", "Yes: right after the chunks"),
    ("13", {"chunk": "50"}, "first-record", "No, but only because one chunk holds the whole text"),
    ("14", {"producers": "1", "batch": "3"}, "partial-batch", "The 0.1 s timeout cuts the last batch short"),
    ("14", {"producers": "5", "batch": "6"}, "partial-batch", "The 0.1 s timeout cuts the last batch short"),
    ("14", {"producers": "2", "batch": "4"}, "partial-batch", "Nothing is left over"),
    ("14", {"producers": "1", "batch": "1"}, "partial-batch", "Nothing is left over"),
    ("16", {"async": "0"}, "fetches", "4 times"),
    ("17", {"fail": "0"}, "exit-order", "(knob off) Nothing is raised"),
]


def answers(loopscope, lessons_dir, lesson, knobs):
    args = [loopscope, "check", lesson, "--program", "--lessons-dir", lessons_dir]
    for name, value in knobs.items():
        args += ["--knob", f"{name}={value}"]
    out = subprocess.run(args, capture_output=True, text=True, timeout=120).stdout
    found = {}
    for line in out.splitlines():
        m = re.search(r"predict: (\S+)\s+(ok|FAIL)\s+(.*)$", line)
        if m:
            found[m.group(1)] = m.group(3).removeprefix("answer: ")
    return found


def main(loopscope, lessons_dir):
    failures = 0
    for lesson, knobs, prediction, want in TABLE:
        got = answers(loopscope, lessons_dir, lesson, knobs).get(prediction, "(no such prediction)")
        ok = got.startswith(want)
        failures += not ok
        setting = " ".join(f"{k}={v}" for k, v in knobs.items())
        print(f"{lesson} {setting:28} {prediction:18} {'ok' if ok else 'WRONG'}: {got}"
              + ("" if ok else f"\n    want: {want}..."), flush=True)
    print(f"{failures} wrong answer(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
