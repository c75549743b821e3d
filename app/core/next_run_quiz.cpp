#include "core/next_run_quiz.h"

#include <algorithm>
#include <tuple>

namespace loopscope {

namespace {

bool valid(LaneId lane, std::size_t count) { return lane >= 0 && static_cast<std::size_t>(lane) < count; }

}  // namespace

NextRunIndex::NextRunIndex(const Trace& trace) : trace_(trace) {
  const auto& lanes = trace.lanes();
  const auto& events = trace.events();
  picks_.resize(lanes.size());
  tasks_.resize(lanes.size());
  has_callbacks_.resize(lanes.size(), false);
  LaneId first_loop = kNoLane;
  for (const Lane& lane : lanes)
    if (lane.kind == LaneKind::Loop && first_loop == kNoLane) first_loop = lane.id;
  for (const Lane& lane : lanes) {
    if (lane.kind != LaneKind::Task) continue;
    TaskInfo& info = tasks_[static_cast<std::size_t>(lane.id)];
    info.loop = valid(lane.loop, lanes.size()) ? lane.loop : first_loop;
    info.born = lane.declared_at;
  }
  std::vector<std::size_t> open(lanes.size(), SIZE_MAX);  // lane -> its running pick in picks_[loop]
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    if (!valid(e.lane, lanes.size())) continue;
    const auto lane = static_cast<std::size_t>(e.lane);
    const auto index = static_cast<EventIndex>(i);
    const bool is_task = lanes[lane].kind == LaneKind::Task;
    switch (e.kind) {
      case EventKind::Run:
        if (is_task && valid(tasks_[lane].loop, lanes.size())) {
          auto& picks = picks_[static_cast<std::size_t>(tasks_[lane].loop)];
          open[lane] = picks.size();
          picks.push_back({index, kNoEvent, e.lane});
          tasks_[lane].runs.push_back(index);
        }
        break;
      case EventKind::Callback:
        if (lanes[lane].kind == LaneKind::Loop) {
          open[lane] = picks_[lane].size();
          picks_[lane].push_back({index, kNoEvent, e.lane});
          has_callbacks_[lane] = true;
        }
        break;
      case EventKind::Suspend:
      case EventKind::Done:
      case EventKind::CallbackEnd: {
        const LaneId loop = is_task ? tasks_[lane].loop : e.lane;
        if (is_task && e.kind == EventKind::Done) tasks_[lane].died = index;
        if (open[lane] != SIZE_MAX && valid(loop, lanes.size())) {
          picks_[static_cast<std::size_t>(loop)][open[lane]].end = index;
          open[lane] = SIZE_MAX;
        }
        break;
      }
      default:
        break;
    }
  }
}

const std::vector<NextRunIndex::Pick>* NextRunIndex::picks_of(LaneId loop) const {
  return valid(loop, picks_.size()) ? &picks_[static_cast<std::size_t>(loop)] : nullptr;
}

// The loop the step belongs to: a task's loop, the loop itself, else the loop that picks next.
LaneId NextRunIndex::loop_of_step(EventIndex step) const {
  const auto& lanes = trace_.lanes();
  const LaneId lane = trace_.events()[step].lane;
  if (valid(lane, lanes.size())) {
    const LaneKind kind = lanes[static_cast<std::size_t>(lane)].kind;
    if (kind == LaneKind::Task) return tasks_[static_cast<std::size_t>(lane)].loop;
    if (kind == LaneKind::Loop) return lane;
  }
  LaneId best = kNoLane;
  EventIndex soonest = kNoEvent;
  for (std::size_t l = 0; l < picks_.size(); ++l) {
    const auto& picks = picks_[l];
    auto next = std::upper_bound(picks.begin(), picks.end(), step, [](EventIndex s, const Pick& p) { return s < p.at; });
    if (next != picks.end() && next->at < soonest) soonest = next->at, best = static_cast<LaneId>(l);
  }
  return best;
}

NextRunQuestion NextRunIndex::question_at(EventIndex step) const {
  if (step == kNoEvent || step >= trace_.events().size()) return {};
  return question_for(loop_of_step(step), step);
}

NextRunQuestion NextRunIndex::question_for(LaneId loop, EventIndex step) const {
  NextRunQuestion q;
  const std::vector<Pick>* picks = picks_of(loop);
  if (!picks) return q;
  q.loop = loop;
  auto next = std::upper_bound(picks->begin(), picks->end(), step, [](EventIndex s, const Pick& p) { return s < p.at; });
  if (next != picks->begin()) {
    const Pick& previous = *(next - 1);
    q.last_runner = previous.lane;
    if (previous.end == kNoEvent || previous.end > step) return q;  // a step is still running
  }
  if (next == picks->end()) return q;  // the loop never picks again
  q.at_pick = true;
  q.answer = next->lane;
  q.answer_event = next->at;
  const auto& events = trace_.events();
  const Nanos pick_time = events[next->at].t;

  // The ready queue at the pick: live tasks of this loop whose next run was queued by then.
  std::vector<std::tuple<Nanos, EventIndex, LaneId>> queued;
  std::vector<LaneId> others;
  for (std::size_t l = 0; l < tasks_.size(); ++l) {
    const TaskInfo& t = tasks_[l];
    if (t.loop != loop || t.born == kNoEvent || t.born > step || (t.died != kNoEvent && t.died <= step)) continue;
    auto run = std::upper_bound(t.runs.begin(), t.runs.end(), step);
    if (run != t.runs.end() && events[*run].aux <= pick_time)
      queued.emplace_back(events[*run].aux, *run, static_cast<LaneId>(l));
    else
      others.push_back(static_cast<LaneId>(l));
  }
  std::sort(queued.begin(), queued.end());
  if (q.answer == loop) q.ready.push_back(loop);  // a plain callback ran first
  for (const auto& entry : queued) q.ready.push_back(std::get<2>(entry));
  q.candidates = q.ready;
  q.candidates.insert(q.candidates.end(), others.begin(), others.end());
  if (has_callbacks_[static_cast<std::size_t>(loop)] && q.answer != loop) q.candidates.push_back(loop);

  const std::size_t live_tasks = queued.size() + others.size();
  if (q.ready.size() >= 2) {
    q.reason = PickReason::SeveralReady;
  } else if (q.answer != q.last_runner && live_tasks >= 2) {
    q.reason = PickReason::NotTheLastRunner;
  }
  q.decision = q.reason != PickReason::None;
  return q;
}

std::vector<EventIndex> NextRunIndex::decision_points() const {
  std::vector<EventIndex> out;
  for (std::size_t loop = 0; loop < picks_.size(); ++loop) {
    const auto& picks = picks_[loop];
    for (std::size_t i = 0; i < picks.size(); ++i) {
      // Ask right before the pick: just after the previous step ended (or at the first event).
      const EventIndex before = picks[i].at == 0 ? 0 : picks[i].at - 1;
      const NextRunQuestion q = question_for(static_cast<LaneId>(loop), before);
      if (q.decision && q.answer_event == picks[i].at) out.push_back(picks[i].at);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

NextRunQuestion next_run_question(const Trace& trace, EventIndex step) { return NextRunIndex(trace).question_at(step); }

std::vector<EventIndex> decision_points(const Trace& trace) { return NextRunIndex(trace).decision_points(); }

bool answered_right(const NextRunQuestion& question, LaneId lane) {
  return question.at_pick && lane != kNoLane && lane == question.answer;
}

}  // namespace loopscope
