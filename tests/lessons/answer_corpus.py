"""Learner answers judged through `loopscope check LESSON --exercise ID --answer FILE.py`.

tests/lessons/answers/<lesson-id>/<exercise-id>/ holds, for every exercise of every lesson,
at least two plausible wrong answers (wrong_*.py, which must FAIL: exit status 1) and at least
one right answer written differently from the reference solution (right_*.py, which must
PASS: exit status 0). The first line of each file is a comment saying what it does.

Usage: python3 answer_corpus.py LOOPSCOPE LESSONS_DIR ANSWERS_DIR LESSON_ID"""
import pathlib
import subprocess
import sys
import tomllib


def exercises_of(lesson_dir):
    with open(lesson_dir / "lesson.toml", "rb") as f:
        return [x["id"] for x in tomllib.load(f).get("exercise", [])]


def judge(loopscope, lessons_dir, lesson_id, exercise_id, answer):
    run = subprocess.run([loopscope, "check", lesson_id, "--exercise", exercise_id, "--answer", str(answer),
                          "--lessons-dir", str(lessons_dir)], capture_output=True, text=True, timeout=120)
    return run.returncode, run.stdout + run.stderr


def main(loopscope, lessons_dir, answers_dir, lesson_id):
    lessons_dir, answers_dir = pathlib.Path(lessons_dir), pathlib.Path(answers_dir)
    problems = []
    lesson_answers = answers_dir / lesson_id
    exercises = exercises_of(lessons_dir / lesson_id)
    for folder in sorted(p for p in lesson_answers.glob("*") if p.is_dir()):
        if folder.name not in exercises:
            problems.append(f"{folder}: no exercise '{folder.name}' in {lesson_id}")
    for exercise_id in exercises:
        folder = lesson_answers / exercise_id
        right = sorted(folder.glob("right_*.py"))
        wrong = sorted(folder.glob("wrong_*.py"))
        if len(right) < 1 or len(wrong) < 2:
            problems.append(f"{lesson_id}/{exercise_id}: needs 1+ right and 2+ wrong answers "
                            f"(has {len(right)} right, {len(wrong)} wrong)")
        for answer in right + wrong:
            first = answer.read_text().splitlines()[:1]
            if not first or not first[0].startswith("#"):
                problems.append(f"{answer}: the first line must be a comment saying what it does")
            want = 0 if answer.name.startswith("right_") else 1
            status, output = judge(loopscope, lessons_dir, lesson_id, exercise_id, answer)
            verdict = "ok" if status == want else "WRONG VERDICT"
            print(f"{lesson_id}/{exercise_id}/{answer.name:40} exit {status} (want {want}) {verdict}", flush=True)
            if status != want:
                problems.append(f"{answer}: exit status {status}, want {want}\n{output}")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
