"""Every lesson's programs (and exercise files), traced as a learner would run them, give an
export that keeps the picture's rules (tests/runtime/chrome_check.py): one running generator
frame per thread, inside the step that drives it; yields on the generator's own track; ready
spans marked starved exactly where the loop was busy; and every other export convention.
Each lesson runs at its default knobs and once more with every bool knob flipped.

Usage: python3 picture_rules.py LOOPSCOPE LESSONS_DIR CHROME_CHECK_DIR"""
import concurrent.futures
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import tomllib


def runs_of(lesson_dir):
    """(script, env) pairs: every .py at default knobs, the program with bool knobs flipped."""
    toml = tomllib.loads((lesson_dir / "lesson.toml").read_text())
    runs = [(p, {}) for p in sorted(lesson_dir.glob("*.py"))]
    flipped = {}
    for knob in toml.get("knob", []):
        if knob.get("type") == "bool":
            env = knob.get("env", "LS_" + knob["name"].upper())
            flipped[env] = "0" if knob.get("default", False) else "1"
    if flipped:
        runs.append((lesson_dir / toml["program"], flipped))
    return runs


def check(loopscope, script, env, chrome_check):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "trace.json")
        run = subprocess.run([loopscope, "trace", script.name, "-o", out, "--timeout", "60"],
                             cwd=script.parent, env={**os.environ, **env},
                             capture_output=True, text=True, timeout=120)
        if not os.path.exists(out):
            return [f"no trace written (status {run.returncode}): {run.stderr.strip()[-300:]}"]
        with open(out, encoding="utf-8") as f:
            return chrome_check.problems(json.load(f))


def main(loopscope, lessons_dir, chrome_check_dir):
    loopscope = os.path.abspath(loopscope)
    sys.path.insert(0, chrome_check_dir)
    import chrome_check
    jobs = []
    for lesson_dir in sorted(p for p in pathlib.Path(lessons_dir).iterdir() if (p / "lesson.toml").exists()):
        jobs += runs_of(lesson_dir)
    failures = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = pool.map(lambda job: (job, check(loopscope, job[0], job[1], chrome_check)), jobs)
        for (script, env), problems in results:
            knobs = " ".join(f"{k}={v}" for k, v in env.items())
            name = f"{script.parent.name}/{script.name} {knobs}".strip()
            print(f"{name:70s} {'ok' if not problems else 'FAIL'}")
            for p in problems[:10]:
                print(f"    {p}")
            failures += bool(problems)
    print(f"{len(jobs)} runs, {failures} broke the picture's rules")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
