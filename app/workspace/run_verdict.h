// The verdict on a finished run of a lesson's program: the choice of each prediction the run
// bears out, and, for an exercise, whether the run passes its checks. The GUI's lesson panel
// shows it and `loopscope check` reports it: one judgement for both.
#pragma once

#include <vector>

#include "core/exercise_verdict.h"
#include "core/lesson_catalog.h"
#include "core/trace_model.h"

namespace loopscope {

struct RunVerdict {
  bool evaluated = false;    // a run ended since the program was opened
  std::vector<int> correct;  // per prediction, in the lesson's order: the choice this run matched, -1 none
  int exercise = -1;         // the exercise judged, -1 none (the lesson's own program or a script)
  ExerciseVerdict judged;    // that exercise's verdict: passed, why, one result per check
  bool exercise_passed() const { return exercise >= 0 && judged.passed; }
};

// `lesson` null (a script): evaluated, with nothing to judge. `exercise` -1: the lesson's own
// program (predictions only); an exercise index out of range is not judged.
RunVerdict judge_run(const Lesson* lesson, int exercise, const Trace& trace);

}  // namespace loopscope
