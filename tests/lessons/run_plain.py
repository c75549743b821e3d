"""Every program of every lesson (programs, exercise start files, solutions) runs under a plain
interpreter with no knobs set: exit status 0, something printed, nothing on stderr.
Usage: python3 run_plain.py LESSONS_DIR"""
import pathlib
import subprocess
import sys


def main(lessons_dir):
    failures = 0
    for program in sorted(pathlib.Path(lessons_dir).glob("*/*.py")):
        run = subprocess.run([sys.executable, program.name], cwd=program.parent,
                             capture_output=True, text=True, timeout=30)
        problem = ("exit status %d" % run.returncode if run.returncode
                   else "printed nothing" if not run.stdout.strip()
                   else "wrote on stderr: " + run.stderr.strip().splitlines()[-1] if run.stderr.strip()
                   else "")
        print("%-60s %s" % (program.relative_to(lessons_dir), problem or "ok"))
        failures += bool(problem)
    print("%d program(s) failed" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
