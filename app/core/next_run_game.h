// "Which task runs next?" as a game for one run: where the learner steps onto a pick of the
// event loop (core/next_run_quiz.h), the question is open until they click a lane (scored) or
// step on to the answer (shown, not scored). Keeps the score and the streak, says why the
// answer is right. Headless; the timeline view draws it.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/lane_names.h"
#include "core/next_run_quiz.h"
#include "core/trace_model.h"

namespace loopscope {

class NextRunGame {
 public:
  struct Answer {
    bool right = false;
    LaneId clicked = kNoLane;
    LaneId answer = kNoLane;
    EventIndex reveal = kNoEvent;  // the answer's run/cb record: where the playhead goes
    std::string why;               // "ticker was ready first: the loop serves its ready queue in order"
  };

  // Everything starts over: the questions, the score and the streak.
  void reset();
  // Another run of the session: its questions are new, the score and the streak go on.
  void new_run();
  // Follows the run: a grown (or another) trace rebuilds the index; the score stays.
  void sync(const Trace& trace);
  // The question open at `step`, or nullptr: no pick there, nothing worth asking, or already
  // answered or shown.
  const NextRunQuestion* question(EventIndex step);
  // The learner's click on `lane` answers the question open at `step` (nullopt: none open).
  std::optional<Answer> answer(EventIndex step, LaneId lane);
  // The step right before the answer of the next open question after `from`, or of the first
  // one before it when none is left after it (kNoEvent: none open at all): where "next
  // question" puts the playhead.
  EventIndex next_question_step(EventIndex from) const;
  // Whether the run has any question worth asking (answered or not).
  bool has_questions() const;
  // The playhead moved from `from` to `to`: a question open at `from` whose answer the learner
  // stepped onto without clicking is shown, unscored.
  void moved(EventIndex from, EventIndex to);

  // A lane as the question names it: its timeline title, "a callback" for the loop's lane.
  std::string name_of(LaneId lane) const;
  const std::optional<Answer>& last() const { return last_; }
  int right() const { return right_; }
  int asked() const { return asked_; }
  int streak() const { return streak_; }
  int best_streak() const { return best_; }

 private:
  std::string why(const NextRunQuestion& q) const;

  const Trace* trace_ = nullptr;
  LaneNames names_;
  std::size_t events_ = 0;
  std::unique_ptr<NextRunIndex> index_;
  std::vector<EventIndex> decisions_;  // the index's decision points (answer events), in order
  NextRunQuestion current_;
  EventIndex current_step_ = kNoEvent;
  std::set<EventIndex> closed_;  // answer events of questions answered or shown
  std::optional<Answer> last_;
  int right_ = 0, asked_ = 0, streak_ = 0, best_ = 0;
};

}  // namespace loopscope
