#include "core/exercise_verdict.h"

namespace loopscope {

std::string run_problem(const Lesson& lesson, const Trace& trace) {
  if (std::string hint = missing_module_hint(lesson, trace); !hint.empty()) return hint;
  const RunInfo& info = trace.info();
  if (info.status == EndStatus::Finished && info.exit_code == 0) return {};
  for (const Event& e : trace.events())
    if (e.kind == EventKind::Exception) return "uncaught " + std::string(trace.str(e.text));
  if (!info.end_message.empty()) return info.end_message;
  if (info.status == EndStatus::Running) return "the program has not finished";
  return "the program exited with code " + std::to_string(info.exit_code);
}

std::string first_failure(const std::vector<CheckSpec>& specs, const std::vector<CheckResult>& results) {
  int failed = 0;
  std::string first;
  for (std::size_t i = 0; i < specs.size() && i < results.size(); ++i)
    if (!results[i].passed && failed++ == 0) first = describe_check(specs[i]) + ": " + results[i].reason;
  return failed > 1 ? first + " (and " + std::to_string(failed - 1) + " more)" : first;
}

ExerciseVerdict judge_exercise(const Lesson& lesson, const Exercise& exercise, const Trace& trace) {
  ExerciseVerdict v;
  v.problem = run_problem(lesson, trace);
  v.missing_module = !missing_module_hint(lesson, trace).empty();
  v.results = evaluate_checks(exercise.checks, trace);
  const bool checks_pass = all_passed(v.results);
  v.passed = checks_pass && v.problem.empty();
  if (!v.problem.empty()) {
    v.reason = v.problem;
  } else if (!checks_pass) {
    v.reason = first_failure(exercise.checks, v.results);
  } else {
    v.reason = "all " + std::to_string(v.results.size()) + " checks passed";
  }
  return v;
}

}  // namespace loopscope
