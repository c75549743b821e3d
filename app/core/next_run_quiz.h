// "Which task runs next?": at a step of a trace, is the event loop about to pick the next task
// step or callback to run, which lanes could it pick, and which one does it actually pick?
// Everything comes from the event stream's records: a task's `run` carries the time it became
// ready (`ready`, stamped when its wake-up was queued), and the loop runs its ready queue first
// in, first out; the answer is simply the next `run`/`cb` record on that loop. No timing
// guesses, no ImGui: the GUI's quiz (and any other front end) builds on this.
#pragma once

#include <cstdint>
#include <vector>

#include "core/trace_model.h"

namespace loopscope {

enum class PickReason : std::uint8_t {
  None,              // nothing to ask: one task alive, or the obvious one runs again
  SeveralReady,      // two or more tasks (or a callback and tasks) wait in the ready queue
  NotTheLastRunner,  // one is ready, but it is not the lane that ran last: a learner may guess
                     // that one (or another live task) instead
};

struct NextRunQuestion {
  bool at_pick = false;    // the loop is between two steps: what it does next is pick one
  bool decision = false;   // worth asking the learner (reason != None)
  PickReason reason = PickReason::None;
  LaneId loop = kNoLane;   // the loop that picks
  // In the loop's ready queue when it picks, in the order it runs them (the loop lane stands
  // for a plain callback, which runs before the tasks when it is the answer).
  std::vector<LaneId> ready;
  // Lanes to offer: `ready` first, then the other live tasks of this loop (lane order), then
  // the loop lane when the program runs plain callbacks on it (a click on "a callback").
  std::vector<LaneId> candidates;
  LaneId answer = kNoLane;             // the task whose step runs next, or the loop lane (callback)
  EventIndex answer_event = kNoEvent;  // its run/cb record: stepping onto it reveals the answer
  LaneId last_runner = kNoLane;        // the lane whose step ran last on this loop, if any
};

// Built once per trace (linear in its events). It keeps a reference to the trace: rebuild it
// when the trace is replaced or a live trace has grown.
class NextRunIndex {
 public:
  explicit NextRunIndex(const Trace& trace);

  // The question at `step` (the state right after event `step`). Every step between two picks
  // gives the same answer_event, so a front end asks once per pick. Not at a pick while a
  // task step or callback is still running, or when the loop never picks again.
  NextRunQuestion question_at(EventIndex step) const;
  // The answer events of every pick worth asking about, in order.
  std::vector<EventIndex> decision_points() const;

 private:
  struct Pick {
    EventIndex at = kNoEvent;   // the run / cb record
    EventIndex end = kNoEvent;  // the suspend / done / cb_end that ends it (kNoEvent: never)
    LaneId lane = kNoLane;      // the task, or the loop lane for a callback
  };
  struct TaskInfo {
    LaneId loop = kNoLane;
    EventIndex born = kNoEvent;  // its lane record
    EventIndex died = kNoEvent;  // its done record
    std::vector<EventIndex> runs;
  };

  NextRunQuestion question_for(LaneId loop, EventIndex step) const;
  LaneId loop_of_step(EventIndex step) const;
  const std::vector<Pick>* picks_of(LaneId loop) const;

  const Trace& trace_;
  std::vector<std::vector<Pick>> picks_;  // by loop lane id (empty for other lanes)
  std::vector<TaskInfo> tasks_;           // by lane id (empty runs for non-task lanes)
  std::vector<bool> has_callbacks_;       // by loop lane id
};

NextRunQuestion next_run_question(const Trace& trace, EventIndex step);
std::vector<EventIndex> decision_points(const Trace& trace);
// Whether clicking `lane` answers the question right.
bool answered_right(const NextRunQuestion& question, LaneId lane);

}  // namespace loopscope
