#include "core/next_run_game.h"

#include <algorithm>

namespace loopscope {

void NextRunGame::reset() {
  new_run();
  right_ = asked_ = streak_ = best_ = 0;
}

void NextRunGame::new_run() {
  index_.reset();
  decisions_.clear();
  names_ = LaneNames{};
  trace_ = nullptr;
  events_ = 0;
  current_step_ = kNoEvent;
  closed_.clear();
  last_.reset();
}

void NextRunGame::sync(const Trace& trace) {
  if (&trace == trace_ && trace.events().size() == events_ && index_) return;
  trace_ = &trace;
  events_ = trace.events().size();
  index_ = std::make_unique<NextRunIndex>(trace);
  decisions_ = index_->decision_points();
  names_.refresh(trace);
  current_step_ = kNoEvent;
}

std::string NextRunGame::name_of(LaneId lane) const {
  if (!trace_ || !trace_->lane_ok(lane)) return "?";
  if (trace_->lane(lane)->kind == LaneKind::Loop) return "a callback";
  return names_.title(lane);
}

const NextRunQuestion* NextRunGame::question(EventIndex step) {
  if (!index_ || step == kNoEvent) return nullptr;
  if (step != current_step_) {
    current_ = index_->question_at(step);
    current_step_ = step;
  }
  if (!current_.decision || current_.answer_event == kNoEvent || closed_.count(current_.answer_event)) return nullptr;
  return &current_;
}

std::string NextRunGame::why(const NextRunQuestion& q) const {
  // Follows "X ran next: ", so the answer is "it".
  if (q.ready.size() >= 2)
    return "it became ready first, and the loop runs ready tasks in that order";
  if (q.ready.size() == 1)
    return "it was the only one ready; the others were still waiting";
  return "its wake-up came first";
}

std::optional<NextRunGame::Answer> NextRunGame::answer(EventIndex step, LaneId lane) {
  const NextRunQuestion* q = question(step);
  if (!q) return std::nullopt;
  Answer a;
  a.right = answered_right(*q, lane);
  a.clicked = lane;
  a.answer = q->answer;
  a.reveal = q->answer_event;
  a.why = why(*q);
  closed_.insert(q->answer_event);
  ++asked_;
  if (a.right) {
    ++right_;
    best_ = std::max(best_, ++streak_);
  } else {
    streak_ = 0;
  }
  last_ = a;
  return a;
}

EventIndex NextRunGame::next_question_step(EventIndex from) const {
  // decisions_ holds answer events in order; a question is asked at the step before its answer.
  const auto open = [&](EventIndex answer) { return answer > 0 && !closed_.count(answer); };
  const EventIndex after = from == kNoEvent ? 0 : from + 2;  // answer - 1 > from
  auto it = std::lower_bound(decisions_.begin(), decisions_.end(), after);
  for (auto i = it; i != decisions_.end(); ++i)
    if (open(*i)) return *i - 1;
  for (auto i = decisions_.begin(); i != it; ++i)
    if (open(*i)) return *i - 1;
  return kNoEvent;
}

bool NextRunGame::has_questions() const { return !decisions_.empty(); }

void NextRunGame::moved(EventIndex from, EventIndex to) {
  if (from == to || from == kNoEvent || to == kNoEvent) return;
  const NextRunQuestion* q = question(from);
  if (q && to >= q->answer_event) {
    Answer a;
    a.answer = q->answer;
    a.reveal = q->answer_event;
    a.why = why(*q);
    closed_.insert(q->answer_event);  // shown, not scored
    last_ = a;
  }
}

}  // namespace loopscope
