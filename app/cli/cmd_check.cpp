// loopscope check [LESSON...]: runs every lesson's program headless and verifies what the
// lesson promises (its `expect` checks, that its predictions can be answered, and that the
// "which task runs next?" quiz has questions to ask where the lesson turns it on), then each
// exercise: the start file must FAIL its checks and the reference solution must PASS them.
// Prints one row per item as it completes, then "N passed, M failed"; exit 1 on any failure.
//
// loopscope check LESSON --exercise ID --answer FILE.py judges FILE as a learner's answer,
// exactly as the GUI does (judge_exercise): exit 0 when every check passes, 1 when any
// fails, 2 on a usage error (unknown lesson, exercise or knob, missing file).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/exercise_verdict.h"
#include "core/lesson_catalog.h"
#include "core/lesson_checks.h"
#include "core/next_run_quiz.h"
#include "runner/lesson_run.h"
#include "runner/run_session.h"

namespace loopscope::cli {

namespace {

struct Tally {
  int passed = 0;
  int failed = 0;
};

// What every run of this invocation shares: the interpreter, the timeout cap and the knobs.
struct RunSettings {
  const CheckOptions& options;
  KnobValues knobs;
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

Trace run_program(const Lesson& lesson, const std::string& path, const RunSettings& run) {
  RunRequest request = lesson_run_request(lesson, path, run.knobs);
  request.python = run.options.py.python;
  request.timeout_s = std::min(run.options.py.timeout_s, lesson.timeout_s);
  request.max_events = run.options.py.max_events;
  return run_to_completion(request);
}

void check_program(const Lesson& lesson, const RunSettings& run, Tally& tally) {
  Trace trace = run_program(lesson, lesson.main_path, run);
  if (std::string problem = run_problem(lesson, trace); !problem.empty()) {
    print_row(tally, lesson.id, lesson.main_program, false, problem);
    return;
  }
  std::vector<CheckResult> results = evaluate_checks(lesson.expect, trace);
  bool ok = all_passed(results);
  print_row(tally, lesson.id, lesson.main_program, ok,
            ok ? std::to_string(results.size()) + " checks passed" : first_failure(lesson.expect, results));
  if (run.options.verbose) print_checks(lesson.expect, results);
  for (const Prediction& p : lesson.predictions) {
    int choice = correct_choice(p, trace);
    print_row(tally, lesson.id, "predict: " + p.id, choice >= 0,
              choice >= 0 ? "answer: " + p.choices[static_cast<std::size_t>(choice)].text
                          : "no choice matches this run");
  }
  if (lesson.which_runs_next) {
    std::size_t n = decision_points(trace).size();
    print_row(tally, lesson.id, "quiz: which runs next", n > 0,
              n > 0 ? std::to_string(n) + " steps where the loop picks among ready tasks"
                    : "the run has no step where the loop picks among ready tasks");
  }
}

void check_exercise(const Lesson& lesson, const Exercise& exercise, const RunSettings& run, Tally& tally) {
  // The start file must fail: a run that fails outright counts too (the learner still has
  // work to do), unless the cause is a missing module.
  ExerciseVerdict start = judge_exercise(lesson, exercise, run_program(lesson, exercise.start_path, run));
  if (start.missing_module) {
    print_row(tally, lesson.id, exercise.start_file, false, start.problem);
  } else {
    print_row(tally, lesson.id, exercise.start_file, !start.passed,
              start.passed ? "the start file already passes every check" : "fails as it should: " + start.reason);
    if (run.options.verbose) print_checks(exercise.checks, start.results);
  }
  ExerciseVerdict solution = judge_exercise(lesson, exercise, run_program(lesson, exercise.solution_path, run));
  print_row(tally, lesson.id, exercise.solution_file, solution.passed, solution.reason);
  if (run.options.verbose) print_checks(exercise.checks, solution.results);
}

void check_lesson(const Lesson& lesson, const RunSettings& run, Tally& tally) {
  if (!lesson.ok()) {
    print_row(tally, lesson.id, "lesson.toml", false, lesson.error);
    return;
  }
  if (run.options.exercise.empty()) check_program(lesson, run, tally);
  if (run.options.program_only) return;
  for (const Exercise& exercise : lesson.exercises)
    if (run.options.exercise.empty() || exercise.id == run.options.exercise) check_exercise(lesson, exercise, run, tally);
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

const Exercise* find_exercise(const Lesson& lesson, const std::string& id) {
  for (const Exercise& x : lesson.exercises)
    if (x.id == id) return &x;
  return nullptr;
}

std::string exercise_ids(const Lesson& lesson) {
  std::string out;
  for (const Exercise& x : lesson.exercises) out += (out.empty() ? "" : ", ") + x.id;
  return out.empty() ? "none" : out;
}

int judge_answer(const Lesson& lesson, const Exercise& exercise, const RunSettings& run) {
  std::printf("%s / %s: %s\n", lesson.id.c_str(), exercise.id.c_str(), run.options.answer.c_str());
  std::fflush(stdout);
  ExerciseVerdict v = judge_exercise(lesson, exercise, run_program(lesson, run.options.answer, run));
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
  LessonCatalog catalog = load_lessons(dir);
  if (!catalog.error.empty()) return usage_error(catalog.error);

  const bool one_lesson = !options.exercise.empty() || !options.answer.empty() || !options.knobs.empty();
  if (one_lesson && options.lessons.size() != 1)
    return usage_error("--exercise, --answer and --knob need exactly one lesson, e.g. check 03 --exercise breakfast");
  if (!options.answer.empty() && options.exercise.empty()) return usage_error("--answer needs --exercise ID");
  RunSettings run{options, {}};
  if (one_lesson) {
    const Lesson* lesson = catalog.find(options.lessons.front());
    if (!lesson) return usage_error("no lesson '" + options.lessons.front() + "' in " + dir);
    if (!lesson->ok()) return usage_error(lesson->error);
    std::string error;
    if (!parse_knobs(*lesson, options.knobs, run.knobs, error)) return usage_error(error);
    const Exercise* exercise = options.exercise.empty() ? nullptr : find_exercise(*lesson, options.exercise);
    if (!options.exercise.empty() && !exercise)
      return usage_error("lesson " + lesson->id + " has no exercise '" + options.exercise +
                         "' (its exercises: " + exercise_ids(*lesson) + ")");
    if (!options.answer.empty()) {
      std::error_code ec;
      if (!std::filesystem::is_regular_file(options.answer, ec)) return usage_error("no file " + options.answer);
      return judge_answer(*lesson, *exercise, run);
    }
  }

  std::printf("%-34s %-30s %-6s %s\n", "lesson", "program / exercise", "result", "reason");
  std::vector<const Lesson*> selected;
  Tally tally;
  if (options.lessons.empty()) {
    for (const Lesson& lesson : catalog.lessons) selected.push_back(&lesson);
  } else {
    for (const std::string& key : options.lessons) {
      if (const Lesson* lesson = catalog.find(key)) selected.push_back(lesson);
      else print_row(tally, key, "-", false, "no such lesson in " + dir);
    }
  }
  for (const Lesson* lesson : selected) check_lesson(*lesson, run, tally);
  std::printf("%d passed, %d failed\n", tally.passed, tally.failed);
  return tally.failed == 0 ? 0 : 1;
}

}  // namespace loopscope::cli
