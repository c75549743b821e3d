// loopscope check [LESSON...]: runs every lesson's program headless and verifies what the
// lesson promises (its `expect` checks, that its predictions can be answered, and that the
// "which task runs next?" quiz has questions to ask where the lesson turns it on), then each
// exercise: the start file must FAIL its checks and the reference solution must PASS them.
// Prints one row per item as it completes, then "N passed, M failed"; exit 1 on any failure.
// Runs are made and judged by the GUI's own Workspace (workspace/workspace.h).
//
// loopscope check LESSON --exercise ID --answer FILE.py judges FILE as a learner's answer,
// exactly as the GUI does: exit 0 when every check passes, 1 when any
// fails, 2 on a usage error (unknown lesson, exercise or knob, missing file).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/workspace_config.h"
#include "core/exercise_verdict.h"
#include "core/lesson_catalog.h"
#include "core/lesson_checks.h"
#include "core/next_run_quiz.h"
#include "workspace/workspace.h"

namespace loopscope::cli {

namespace {

// Past the run's own time limit (which the runner enforces), a run is stopped by force.
constexpr double kStopGrace_s = 30.0;

struct Tally {
  int passed = 0;
  int failed = 0;
};

// Every run of this invocation goes through one workspace, as in the GUI: the lesson's
// program or an exercise file is opened, run with the knobs given, and judged by it.
struct Checker {
  const CheckOptions& options;
  Workspace& workspace;
  KnobValues knobs;
  Tally tally;

  // Runs the open program to its end; its trace and verdict are the workspace's then.
  const RunVerdict& run() {
    for (const auto& [name, value] : knobs) workspace.SetKnob(name, value);
    workspace.StartRun();
    workspace.FinishRunBlocking(options.py.timeout_s + kStopGrace_s);
    return workspace.verdict();
  }
  bool open(const Lesson& lesson) {
    return workspace.OpenLesson(static_cast<int>(&lesson - workspace.catalog().lessons.data()));
  }
};

void print_row(Tally& tally, const std::string& lesson, const std::string& item, bool ok, const std::string& reason) {
  (ok ? tally.passed : tally.failed)++;
  std::printf("%-34s %-30s %-6s %s\n", lesson.c_str(), item.c_str(), ok ? "ok" : "FAIL", reason.c_str());
  std::fflush(stdout);
}

void print_checks(const std::vector<CheckSpec>& specs, const std::vector<CheckResult>& results) {
  for (std::size_t i = 0; i < specs.size() && i < results.size(); ++i)
    std::printf("    %s %s: %s\n", results[i].passed ? "+" : "-", describe_check(specs[i]).c_str(),
                results[i].reason.c_str());
}

void check_program(Checker& c, const Lesson& lesson) {
  c.open(lesson);
  const RunVerdict& verdict = c.run();
  const Trace& trace = c.workspace.trace();
  if (std::string problem = run_problem(lesson, trace); !problem.empty()) {
    print_row(c.tally, lesson.id, lesson.main_program, false, problem);
    return;
  }
  std::vector<CheckResult> results = evaluate_checks(lesson.expect, trace);
  bool ok = all_passed(results);
  print_row(c.tally, lesson.id, lesson.main_program, ok,
            ok ? std::to_string(results.size()) + " checks passed" : first_failure(lesson.expect, results));
  if (c.options.verbose) print_checks(lesson.expect, results);
  for (std::size_t i = 0; i < lesson.predictions.size(); ++i) {
    const Prediction& p = lesson.predictions[i];
    const int choice = i < verdict.correct.size() ? verdict.correct[i] : -1;
    print_row(c.tally, lesson.id, "predict: " + p.id, choice >= 0,
              choice >= 0 ? "answer: " + p.choices[static_cast<std::size_t>(choice)].text
                          : "no choice matches this run");
  }
  if (lesson.which_runs_next) {
    std::size_t n = decision_points(trace).size();
    print_row(c.tally, lesson.id, "quiz: which runs next", n > 0,
              n > 0 ? std::to_string(n) + " steps where the loop picks among ready tasks"
                    : "the run has no step where the loop picks among ready tasks");
  }
}

void check_exercise(Checker& c, const Lesson& lesson, int index) {
  const Exercise& exercise = lesson.exercises[static_cast<std::size_t>(index)];
  // The start file must fail: a run that fails outright counts too (the learner still has
  // work to do), unless the cause is a missing module.
  c.workspace.StartExercise(index);
  const ExerciseVerdict start = c.run().judged;
  if (start.missing_module) {
    print_row(c.tally, lesson.id, exercise.start_file, false, start.problem);
  } else {
    print_row(c.tally, lesson.id, exercise.start_file, !start.passed,
              start.passed ? "the start file already passes every check" : "fails as it should: " + start.reason);
    if (c.options.verbose) print_checks(exercise.checks, start.results);
  }
  c.workspace.ShowSolution(index);
  const ExerciseVerdict solution = c.run().judged;
  print_row(c.tally, lesson.id, exercise.solution_file, solution.passed, solution.reason);
  if (c.options.verbose) print_checks(exercise.checks, solution.results);
}

void check_lesson(Checker& c, const Lesson& lesson) {
  if (!lesson.ok()) {
    print_row(c.tally, lesson.id, "lesson.toml", false, lesson.error);
    return;
  }
  if (c.options.exercise.empty()) check_program(c, lesson);
  if (c.options.program_only) return;
  c.open(lesson);  // its exercises
  for (std::size_t i = 0; i < lesson.exercises.size(); ++i)
    if (c.options.exercise.empty() || lesson.exercises[i].id == c.options.exercise) check_exercise(c, lesson, static_cast<int>(i));
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "loopscope check: %s\n", message.c_str());
  return 2;
}

// --knob NAME=VALUE for the lesson's knobs; false (with `error`) for an unknown name.
bool parse_knobs(const Lesson& lesson, const std::vector<std::string>& texts, KnobValues& out, std::string& error) {
  for (const std::string& text : texts) {
    const auto eq = text.find('=');
    const std::string name = text.substr(0, eq);
    const bool known = std::any_of(lesson.knobs.begin(), lesson.knobs.end(), [&](const Knob& k) { return k.name == name; });
    if (eq == std::string::npos || !known) {
      error = "lesson " + lesson.id + " has no knob '" + name + "' (write --knob NAME=VALUE)";
      return false;
    }
    out[name] = text.substr(eq + 1);
  }
  return true;
}

int find_exercise(const Lesson& lesson, const std::string& id) {
  for (std::size_t i = 0; i < lesson.exercises.size(); ++i)
    if (lesson.exercises[i].id == id) return static_cast<int>(i);
  return -1;
}

std::string exercise_ids(const Lesson& lesson) {
  std::string out;
  for (const Exercise& x : lesson.exercises) out += (out.empty() ? "" : ", ") + x.id;
  return out.empty() ? "none" : out;
}

int judge_answer(Checker& c, const Lesson& lesson, int index) {
  const Exercise& exercise = lesson.exercises[static_cast<std::size_t>(index)];
  std::printf("%s / %s: %s\n", lesson.id.c_str(), exercise.id.c_str(), c.options.answer.c_str());
  std::fflush(stdout);
  std::string error;
  c.open(lesson);
  if (!c.workspace.OpenAnswer(index, c.options.answer, &error)) return usage_error(error);
  const ExerciseVerdict v = c.run().judged;
  if (!v.problem.empty()) std::printf("  the run failed: %s\n", v.problem.c_str());
  for (std::size_t i = 0; i < exercise.checks.size(); ++i)
    std::printf("  %-4s %s: %s\n", v.results[i].passed ? "pass" : "FAIL", describe_check(exercise.checks[i]).c_str(),
                v.results[i].reason.c_str());
  std::printf("%s: %s\n", v.passed ? "PASSED" : "NOT YET", v.reason.c_str());
  return v.passed ? 0 : 1;
}

}  // namespace

int run_check(const CheckOptions& options) {
  std::string dir = locate_lessons(options.lessons_dir);
  if (dir.empty())
    return usage_error("no lessons folder found" + (options.lessons_dir.empty() ? "" : " at " + options.lessons_dir) +
                       "; pass --lessons-dir DIR");
  Workspace workspace(workspace_config(dir, options.py));
  const LessonCatalog& catalog = workspace.catalog();
  if (!catalog.error.empty()) return usage_error(catalog.error);

  const bool one_lesson = !options.exercise.empty() || !options.answer.empty() || !options.knobs.empty();
  if (one_lesson && options.lessons.size() != 1)
    return usage_error("--exercise, --answer and --knob need exactly one lesson, e.g. check 03 --exercise breakfast");
  if (!options.answer.empty() && options.exercise.empty()) return usage_error("--answer needs --exercise ID");
  Checker checker{options, workspace, {}, {}};
  if (one_lesson) {
    const Lesson* lesson = catalog.find(options.lessons.front());
    if (!lesson) return usage_error("no lesson '" + options.lessons.front() + "' in " + dir);
    if (!lesson->ok()) return usage_error(lesson->error);
    std::string error;
    if (!parse_knobs(*lesson, options.knobs, checker.knobs, error)) return usage_error(error);
    const int exercise = options.exercise.empty() ? -1 : find_exercise(*lesson, options.exercise);
    if (!options.exercise.empty() && exercise < 0)
      return usage_error("lesson " + lesson->id + " has no exercise '" + options.exercise +
                         "' (its exercises: " + exercise_ids(*lesson) + ")");
    if (!options.answer.empty()) {
      std::error_code ec;
      if (!std::filesystem::is_regular_file(options.answer, ec)) return usage_error("no file " + options.answer);
      return judge_answer(checker, *lesson, exercise);
    }
  }

  std::printf("%-34s %-30s %-6s %s\n", "lesson", "program / exercise", "result", "reason");
  std::vector<const Lesson*> selected;
  if (options.lessons.empty()) {
    for (const Lesson& lesson : catalog.lessons) selected.push_back(&lesson);
  } else {
    for (const std::string& key : options.lessons) {
      if (const Lesson* lesson = catalog.find(key)) selected.push_back(lesson);
      else print_row(checker.tally, key, "-", false, "no such lesson in " + dir);
    }
  }
  for (const Lesson* lesson : selected) check_lesson(checker, *lesson);
  std::printf("%d passed, %d failed\n", checker.tally.passed, checker.tally.failed);
  return checker.tally.failed == 0 ? 0 : 1;
}

}  // namespace loopscope::cli
