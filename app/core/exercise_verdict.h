// The verdict on one run of an exercise: did the learner's program run cleanly and pass every
// check of the exercise? One function for the GUI's lesson panel and for `loopscope check`
// (the start file must fail, the reference solution and right answers must pass).
#pragma once

#include <string>
#include <vector>

#include "core/lesson_catalog.h"
#include "core/lesson_checks.h"
#include "core/trace_model.h"

namespace loopscope {

struct ExerciseVerdict {
  bool passed = false;
  // Why the run itself did not end cleanly (empty when it did): a missing module with the
  // package to install, the uncaught exception, the runner's message, or the exit code.
  std::string problem;
  bool missing_module = false;       // `problem` is the hint to install a module
  std::vector<CheckResult> results;  // one per exercise check, in the lesson's order
  // One line for the learner: the problem, else the first failing check ("what: why", and how
  // many more failed), else that every check passed.
  std::string reason;
};

// Why a run of one of `lesson`'s programs did not end cleanly, or empty when it did.
std::string run_problem(const Lesson& lesson, const Trace& trace);

ExerciseVerdict judge_exercise(const Lesson& lesson, const Exercise& exercise, const Trace& trace);

// "what: why (and 2 more)" for the first failing check; empty when all passed.
std::string first_failure(const std::vector<CheckSpec>& specs, const std::vector<CheckResult>& results);

}  // namespace loopscope
