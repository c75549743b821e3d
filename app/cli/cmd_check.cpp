// loopscope check [LESSON...]: runs every lesson's program headless and verifies what the
// lesson promises (its `expect` checks and that its predictions can be answered), then each
// exercise: the start file must FAIL its checks and the reference solution must PASS them.
// Prints one row per item as it completes, then "N passed, M failed"; exit 1 on any failure.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/lesson_catalog.h"
#include "core/lesson_checks.h"
#include "runner/run_session.h"

namespace loopscope::cli {

namespace {

struct Tally {
  int passed = 0;
  int failed = 0;
};

void print_row(Tally& tally, const std::string& lesson, const std::string& item, bool ok, const std::string& reason) {
  (ok ? tally.passed : tally.failed)++;
  std::printf("%-34s %-30s %-6s %s\n", lesson.c_str(), item.c_str(), ok ? "ok" : "FAIL", reason.c_str());
  std::fflush(stdout);
}

void print_checks(const std::vector<CheckSpec>& specs, const std::vector<CheckResult>& results) {
  for (std::size_t i = 0; i < specs.size(); ++i)
    std::printf("    %s %s: %s\n", results[i].passed ? "+" : "-", describe_check(specs[i]).c_str(),
                results[i].reason.c_str());
}

Trace run_program(const Lesson& lesson, const std::string& path, const CheckOptions& options) {
  RunRequest request;
  request.python = options.py.python;
  request.script = path;
  request.env = knob_env(lesson);
  request.timeout_s = std::min(options.py.timeout_s, lesson.timeout_s);
  return run_to_completion(request);
}

// Why a run did not end cleanly, or empty when it did: a missing module first (with the
// package to install), then the runner's message, then the uncaught exception.
std::string run_problem(const Lesson& lesson, const Trace& trace) {
  if (std::string hint = missing_module_hint(lesson, trace); !hint.empty()) return hint;
  const RunInfo& info = trace.info();
  if (info.status == EndStatus::Finished && info.exit_code == 0) return {};
  for (const Event& e : trace.events())
    if (e.kind == EventKind::Exception) return "uncaught " + std::string(trace.str(e.text));
  if (!info.end_message.empty()) return info.end_message;
  return "the program exited with code " + std::to_string(info.exit_code);
}

std::string first_failure(const std::vector<CheckSpec>& specs, const std::vector<CheckResult>& results) {
  int failed = 0;
  std::string first;
  for (std::size_t i = 0; i < specs.size(); ++i)
    if (!results[i].passed && failed++ == 0) first = describe_check(specs[i]) + ": " + results[i].reason;
  return failed > 1 ? first + " (and " + std::to_string(failed - 1) + " more)" : first;
}

void check_program(const Lesson& lesson, const CheckOptions& options, Tally& tally) {
  Trace trace = run_program(lesson, lesson.main_path, options);
  if (std::string problem = run_problem(lesson, trace); !problem.empty()) {
    print_row(tally, lesson.id, lesson.main_program, false, problem);
    return;
  }
  std::vector<CheckResult> results = evaluate_checks(lesson.expect, trace);
  bool ok = all_passed(results);
  print_row(tally, lesson.id, lesson.main_program, ok,
            ok ? std::to_string(results.size()) + " checks passed" : first_failure(lesson.expect, results));
  if (options.verbose) print_checks(lesson.expect, results);
  for (const Prediction& p : lesson.predictions) {
    int choice = correct_choice(p, trace);
    print_row(tally, lesson.id, "predict: " + p.id, choice >= 0,
              choice >= 0 ? "answer: " + p.choices[static_cast<std::size_t>(choice)].text
                          : "no choice matches this run");
  }
}

void check_exercise(const Lesson& lesson, const Exercise& exercise, const CheckOptions& options, Tally& tally) {
  // The start file must fail its checks: a run that fails outright counts too (the learner
  // still has work to do), unless the cause is a missing module.
  Trace start = run_program(lesson, exercise.start_path, options);
  if (std::string hint = missing_module_hint(lesson, start); !hint.empty()) {
    print_row(tally, lesson.id, exercise.start_file, false, hint);
  } else {
    std::vector<CheckResult> results = evaluate_checks(exercise.checks, start);
    bool fails = !all_passed(results) || !run_problem(lesson, start).empty();
    print_row(tally, lesson.id, exercise.start_file, fails,
              fails ? "fails as it should: " + first_failure(exercise.checks, results)
                    : "the start file already passes every check");
    if (options.verbose) print_checks(exercise.checks, results);
  }
  Trace solution = run_program(lesson, exercise.solution_path, options);
  if (std::string problem = run_problem(lesson, solution); !problem.empty()) {
    print_row(tally, lesson.id, exercise.solution_file, false, problem);
    return;
  }
  std::vector<CheckResult> results = evaluate_checks(exercise.checks, solution);
  bool ok = all_passed(results);
  print_row(tally, lesson.id, exercise.solution_file, ok,
            ok ? std::to_string(results.size()) + " checks passed" : first_failure(exercise.checks, results));
  if (options.verbose) print_checks(exercise.checks, results);
}

void check_lesson(const Lesson& lesson, const CheckOptions& options, Tally& tally) {
  if (!lesson.ok()) {
    print_row(tally, lesson.id, "lesson.toml", false, lesson.error);
    return;
  }
  check_program(lesson, options, tally);
  for (const Exercise& exercise : lesson.exercises) check_exercise(lesson, exercise, options, tally);
}

}  // namespace

int run_check(const CheckOptions& options) {
  std::string dir = locate_lessons(options.lessons_dir);
  if (dir.empty()) {
    std::fprintf(stderr, "loopscope: no lessons folder found%s; pass --lessons-dir DIR\n",
                 options.lessons_dir.empty() ? "" : (" at " + options.lessons_dir).c_str());
    return 2;
  }
  LessonCatalog catalog = load_lessons(dir);
  if (!catalog.error.empty()) {
    std::fprintf(stderr, "loopscope: %s\n", catalog.error.c_str());
    return 2;
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
  for (const Lesson* lesson : selected) check_lesson(*lesson, options, tally);
  std::printf("%d passed, %d failed\n", tally.passed, tally.failed);
  return tally.failed == 0 ? 0 : 1;
}

}  // namespace loopscope::cli
