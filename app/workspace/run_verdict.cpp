#include "workspace/run_verdict.h"

namespace loopscope {

RunVerdict judge_run(const Lesson* lesson, int exercise, const Trace& trace) {
  RunVerdict verdict;
  verdict.evaluated = true;
  if (!lesson) return verdict;
  for (const Prediction& p : lesson->predictions) verdict.correct.push_back(correct_choice(p, trace));
  if (exercise >= 0 && static_cast<std::size_t>(exercise) < lesson->exercises.size()) {
    verdict.exercise = exercise;
    verdict.judged = judge_exercise(*lesson, lesson->exercises[static_cast<std::size_t>(exercise)], trace);
  }
  return verdict;
}

}  // namespace loopscope
