// The state of everything at one step of a trace (the playhead's event): tasks, loops,
// worker threads, generators. Computed from the model by binary search on each lane, so it
// can be called every frame on a large trace (no replay).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/trace_model.h"

namespace loopscope {

enum class TaskState : std::uint8_t { NotStarted, Ready, Running, Suspended, Done, Failed, Cancelled };
enum class LoopActivity : std::uint8_t { Busy, Idle, Task, Callback, Stopped };
enum class GenState : std::uint8_t { Created, Running, Suspended, Finished, Awaiting, Pulling };

std::string_view to_string(TaskState state);     // "not started", "ready", "running", ...
std::string_view to_string(LoopActivity activity);
std::string_view to_string(GenState state);

// Strings are views into the trace's string pool (valid while the trace lives).
struct TaskAt {
  LaneId lane = kNoLane;
  TaskState state = TaskState::NotStarted;
  Nanos since = 0;                 // when the current state began
  std::int32_t line = 0;           // running: resumed at; suspended: the await line; done: last line
  std::string_view awaiting;       // suspended: "sleep(0.5)", "Task w1", ...
  LaneId awaiting_lane = kNoLane;  // suspended on a task or a thread job
  Nanos due = 0;                   // suspended on a timer: when it is due (0: no timer)
  std::string_view blocking;       // running and inside a blocking call: "time.sleep(0.5)"
  std::string_view result;         // done: repr of the result or "Type: message"
  bool stalled = false;            // running longer than the stall limit
  bool overdue = false;            // ready because its timer is due, but the loop has not served it yet
  bool timer_due = false;          // suspended, its timer is due and the loop is waking up (jitter, not starved)
};

struct TimerAt {
  LaneId task = kNoLane;
  Nanos due = 0;
  std::string_view label;
};

struct LoopAt {
  LaneId lane = kNoLane;
  LoopActivity activity = LoopActivity::Busy;  // Busy: between steps (the loop's own work)
  LaneId task = kNoLane;          // activity Task: the running task
  std::string_view callback;      // activity Callback: its name
  Nanos since = 0;
  bool stalled = false;
  std::string_view blocking;      // inside a blocking call on the loop thread
  std::vector<LaneId> ready;      // tasks ready to run, the longest waiting first
  std::vector<TimerAt> timers;    // suspended tasks waiting for a timer, soonest first
};

struct WorkerAt {
  LaneId lane = kNoLane;
  bool busy = false;
  std::string_view job;           // the function running
  LaneId for_task = kNoLane;      // the task awaiting it
  Nanos since = 0;
  std::string_view blocking;
};

struct GenAt {
  LaneId lane = kNoLane;
  GenState state = GenState::Created;
  LaneId driver = kNoLane;        // who resumed it last
  std::int32_t line = 0;          // running: where it resumed; suspended: the yield line; awaiting: the await line
  std::string_view awaiting;      // awaiting: what its frame awaits ("sleep(0.05)")
  LaneId inner = kNoLane;         // pulling: the stage it pulls from; awaiting: the awaited task or worker
  std::string_view last_value;    // the last value it yielded (or produced, for iterators)
  bool has_value = false;
};

struct StateAt {
  EventIndex event = kNoEvent;    // the selected event (kNoEvent: empty trace)
  Nanos t = 0;
  Event record;                   // its compact record
  std::vector<std::pair<std::string, std::string>> fields;  // its fields, for an inspector
  std::vector<TaskAt> tasks;      // every task declared so far, in lane order
  std::vector<LoopAt> loops;
  std::vector<WorkerAt> workers;
  std::vector<GenAt> gens;
  std::string_view main_blocking; // main lane inside a blocking call
};

// The state right after event `index` was applied (clamped to the last event).
StateAt state_at(const Trace& trace, EventIndex index);

// The index of the span of `spans` active right after event `index` (at its time `t`), if any.
std::optional<std::size_t> span_at(const SpanList& spans, Nanos t, EventIndex index);

// The line of the user's script that the step at `index` stands on: its own line, else (an
// event with no line, such as the loop going idle) the line of the nearest earlier event that
// had one, marked as not exact. line 0: none within `budget` events back.
struct LineAt {
  std::int32_t line = 0;
  LaneId lane = kNoLane;
  bool exact = false;
};
LineAt line_at(const Trace& trace, EventIndex index, int budget = 256);

// Readable fields of one event ("kind": "suspend", "lane": "w1 worker()", "awaiting": ...).
std::vector<std::pair<std::string, std::string>> describe_event(const Trace& trace, EventIndex index);

}  // namespace loopscope
