// The trace model: what happened in one run, as lanes of spans and instants plus links.
// Filled from the event stream (docs/trace-format.md) one record at a time, live or from a
// file, always through Trace::ingest_line. No ImGui, no GL: the views only read this.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/string_pool.h"

namespace loopscope {

using Nanos = std::int64_t;                       // ns since the run started
inline constexpr Nanos kOpenEnd = std::numeric_limits<Nanos>::max();  // span still running
using LaneId = std::int32_t;                      // index into Trace::lanes() (the model maps the
                                                  // stream's lane ids onto these)
inline constexpr LaneId kNoLane = -1;
using EventIndex = std::uint32_t;                 // index into Trace::events() (the playhead unit)
inline constexpr EventIndex kNoEvent = std::numeric_limits<EventIndex>::max();

enum class LaneKind : std::uint8_t { Main, Loop, Task, Thread, Gen };

enum class EventKind : std::uint8_t {
  Hello, Exit, Note, End,
  Lane, Rename,
  Run, Suspend, Done,
  Callback, CallbackEnd, Idle, IdleEnd, Stall,
  Block, BlockEnd,
  Job, JobEnd,
  Enter, Leave,
  Print, Exception, Warning,
  Unknown,
};

// Per-kind detail codes stored in Event::sub.
enum class WakeWhy : std::uint8_t { Start, Timer, Future, Task, Thread, Soon, Cancel, Other, Io };
enum class WaitKind : std::uint8_t { Sleep, Future, Task, Queue, Event, Lock, Thread, Gather, Io, Yield, Other };
enum class Outcome : std::uint8_t { Result, Exception, Cancelled };
enum class Stream : std::uint8_t { Stdout, Stderr };
enum class GenHow : std::uint8_t { Start, Resume, Call, Yield, Return, Raise, Stop, Close };
enum class EndStatus : std::uint8_t { Running, Finished, Failed, Stopped, Timeout, Crashed, TracerError };
enum class ExitHow : std::uint8_t { Normal, Exception, SysExit, Signal };

// The stream's names for the codes above ("timer", "sleep", "cancelled", "finished", ...).
std::string_view to_string(EventKind kind);  // the record's `ev`
std::string_view to_string(LaneKind kind);
std::string_view to_string(WakeWhy why);
std::string_view to_string(WaitKind wait);
std::string_view to_string(Outcome outcome);
std::string_view to_string(GenHow how);
std::string_view to_string(EndStatus status);
std::string_view to_string(ExitHow how);

// One record of the event stream, compacted (56 bytes). Lane fields (lane, other) hold model
// LaneIds, not the stream's ids. Which field holds what, per kind:
//   Lane:    text=name extra=coro/thread/obj other=parent line=created/def line sub=LaneKind
//   Rename:  text=new name
//   Run:     aux=ready time  other=waker lane  sub=WakeWhy  line=resumed at  late=timer lateness
//   Suspend: text=awaiting label  sub=WaitKind  other=target lane  line=await line  aux=due time (0 = none)
//   Done:    text=detail  sub=Outcome  line
//   Callback:text=name line late=timer lateness;  Idle: aux=timeout;  Stall: other=task aux=since line text=func
//   Block:   text=what line;  Job: text=func other=task aux=job id;  JobEnd: sub=Outcome aux=job id
//   Enter/Leave: other=driving lane  sub=GenHow  text=value (Leave)  extra=exception type  line
//   Print:   text=line  sub=Stream;  Exception: text=Type: message extra=traceback line
//   Warning: text=message extra=category line;  Note: text;  Exit: aux=code sub=ExitHow
//   End:     sub=EndStatus text=message aux=code late=signal
//   Job:     sub=0 to_thread / 1 run_in_executor;  IdleEnd: aux=I/O events
// Unknown record kinds are not stored (a note says they were skipped).
struct Event {
  Nanos t = 0;
  Nanos aux = 0;
  std::uint32_t seq = 0;
  LaneId lane = kNoLane;
  LaneId other = kNoLane;
  std::int32_t line = 0;
  StrId text = 0;
  StrId extra = 0;
  Nanos late = 0;  // Run: how late the timer that woke it fired (ns)
  EventKind kind = EventKind::Unknown;
  std::uint8_t sub = 0;
};

enum class SpanKind : std::uint8_t {
  Step,          // task running (task lane), or a task step seen on the loop lane
  Suspended,     // task awaiting something (label = awaiting)
  Ready,         // task woken, waiting for the loop to run it
  Callback,      // plain callback on the loop lane
  Idle,          // loop waiting in select
  Blocking,      // blocking call (time.sleep), overlay on the lane that blocked
  Job,           // executor / to_thread job on a worker lane
  // A generator or iterator lane is always in exactly one of these four (or has no span:
  // not started yet, or finished). On one thread at most one gen lane is GenRunning at any
  // instant: the innermost active frame (docs/trace-format.md, "Generator lanes").
  GenRunning,    // its own code executes (target = the lane that drove it)
  GenSuspended,  // paused at a yield; an iterator object between two __next__ calls
  GenAwaiting,   // an async frame inside an await: label = what it awaits, target = awaited lane
  GenPulling,    // inside next()/__anext__() of another traced stage: target = that gen lane
};

// kSpanStarved: a Ready span during which the loop ran other work for kStarvedNs or more.
enum SpanFlags : std::uint8_t { kSpanStalled = 1, kSpanFailed = 2, kSpanCancelled = 4, kSpanStarved = 8 };

// A task is starved (its Ready span flagged kSpanStarved, drawn hatched, its timer flagged late)
// only when the loop spent at least this long running other work (task steps, callbacks) while
// the task waited for it. Lateness while the loop sat idle in its selector is wake-up jitter, not
// starvation. Measured on lessons 3-15 at default knobs: at most 0.6 ms of such work in the
// cooperative ones, 250 ms in the blocking one (docs/trace-format.md, "Starvation").
inline constexpr Nanos kStarvedNs = 2'000'000;

// Spans: only the last span (and the last overlay) of a lane can be open (end = kOpenEnd).
// begin_event is the record that opened the span; a Ready span is only known when the task
// runs, so its begin_event is kNoEvent and its end_event is that `run`.
// A Suspended span ends at the next run's `ready` time, its end_event is that `run`.
// Blocking on the loop thread appears as an overlay on the loop lane (target = the running
// task) and a copy on the running task's lane (target = the loop lane).
// An iterator object's `__next__` returning (how "call" then "return") is an item produced:
// it gets a Yield instant like a generator's yield, and the lane goes GenSuspended.
// A generator lane that drives another traced stage is GenPulling (target = the inner lane)
// while the inner frame is active; when the task driving a chain of stages suspends, the
// innermost stage goes GenAwaiting (the outer ones stay GenPulling) until the task runs again.
struct Span {
  Nanos start = 0;
  Nanos end = kOpenEnd;
  EventIndex begin_event = kNoEvent;
  EventIndex end_event = kNoEvent;
  std::int32_t line = 0;       // line resumed at / blocking line / job's line
  StrId label = 0;             // awaiting label, callback name, job func, blocking call
  LaneId target = kNoLane;     // Step on loop lane: the task; Suspended: awaited lane; Job: awaiting task
  SpanKind kind = SpanKind::Step;
  std::uint8_t flags = 0;
};

enum class InstantKind : std::uint8_t {
  Print, Yield, GenReturn, GenRaise, GenStop, GenClose,
  TimerLate, Stall, Warning, Exception, Note, TaskCreated, TaskDone,
  Receive,
};
// Instant texts: Print text=line extra="stdout"/"stderr"; Yield text=value extra=generator
// lane name (only on the lane of the generator that yielded it); Receive text=value
// extra=generator lane name (on the lane that received the value: a task, main, or the next
// stage); GenRaise text=exception type; TimerLate text="timer fired 12.3 ms late" (only where
// the task was starved, see kStarvedNs); Stall text=func; TaskDone text=detail extra=outcome;
// Exception text="Type: message" extra=traceback; Warning extra=category.

struct Instant {
  Nanos t = 0;
  EventIndex event = kNoEvent;
  std::int32_t line = 0;
  StrId text = 0;     // print text, yielded value, warning, exception
  StrId extra = 0;    // stream name, generator name, ...
  InstantKind kind = InstantKind::Print;
};

// Created: parent -> task at creation. Woke: waker (`by`) at `ready` -> task at its run.
// TimerFired: the task's loop lane at `ready` -> task at its run, when a timer woke a task that
// was not sleeping (a call_later callback resolved what it awaited). JobStart: awaiting task ->
// worker at the job start; JobDone: worker -> task at the job end. Drove: a lane that starts
// driving a generator (on a change of driver) -> the gen lane.
enum class LinkKind : std::uint8_t { Created, Woke, TimerFired, JobStart, JobDone, Drove };

struct Link {
  Nanos from_t = 0;
  Nanos to_t = 0;
  LaneId from = kNoLane;
  LaneId to = kNoLane;
  EventIndex event = kNoEvent;
  LinkKind kind = LinkKind::Woke;
};

struct Lane {
  LaneId id = kNoLane;
  LaneKind kind = LaneKind::Main;
  StrId name = 0;               // Task-2, w1, ThreadPoolExecutor-0_0, numbers()
  StrId detail = 0;             // coroutine qualname / thread name / generator kind
  LaneId parent = kNoLane;
  std::int32_t line = 0;
  EventIndex declared_at = kNoEvent;
  std::vector<Span> spans;      // sorted by start, never overlapping
  std::vector<Span> overlays;   // blocking calls drawn over `spans`; sorted, never overlapping
  std::vector<Instant> instants;  // sorted by t
  LaneId loop = kNoLane;          // Task: the loop lane its steps run on
  EventIndex ended_at = kNoEvent; // Task: its `done`; Gen: return/raise/stop/close
  std::uint8_t end_how = 0;       // Task: Outcome; Gen: GenHow
  // Task: it ran code of the user's script (its coroutine is the script's, it awaited on a
  // line of the script, or it printed). Tasks that only run library code (a server's
  // internals) are drawn folded into a "library tasks" group.
  bool user_code = false;
};

struct RunInfo {
  std::string python_version;
  std::string impl;
  std::string script;
  std::int64_t pid = 0;
  int stall_ms = 50;
  EndStatus status = EndStatus::Running;
  int exit_code = 0;
  int signal = 0;                 // the signal that ended the child (status Crashed/Stopped)
  bool exit_seen = false;         // the runtime wrote its `exit` record
  // The runtime reached its event budget here (a `note` with a `budget` field): from this time
  // to the end only the end of the run was recorded, so every span still open was closed here.
  // -1: the whole run was recorded.
  Nanos recorded_until = -1;
  std::string end_message;        // runner's explanation when it did not end normally
  std::vector<std::string> notes;  // `note` records and ingest problems, in order
};

struct EventRecord;  // one parsed stream record (core/event_record.h)

class Trace {
 public:
  // Parses one line of the event stream and applies it. A malformed line is recorded as a
  // note and returns false; everything ingested before it stays.
  bool ingest_line(std::string_view json_line);
  // The same, for a record already parsed (trace_io reads the records embedded in a saved
  // Chrome trace through this).
  bool ingest_record(const EventRecord& record);
  // Closes open spans and records how the run ended. Appends an `end` record unless the stream
  // already had one. `signal`: see RunInfo. `end_time`: when the run really ended (a script
  // stopped while it hung, killed while it blocked, is drawn running up to there); by default,
  // or when earlier, the last event's time.
  void finish(EndStatus status, int exit_code, std::string message, int signal = 0, Nanos end_time = 0);
  bool ended() const { return ended_; }

  const std::vector<Event>& events() const { return events_; }
  const std::vector<Lane>& lanes() const { return lanes_; }
  const std::vector<Link>& links() const { return links_; }
  const RunInfo& info() const { return info_; }
  const StringPool& strings() const { return strings_; }
  std::string_view str(StrId id) const { return strings_.view(id); }

  Nanos end_time() const;  // time of the last event (or of finish)
  // When the script's own activity starts: the first record after the interpreter's start-up
  // (a loop, a task, a generator, a print, ...). "Fit" frames the run from here; times on the
  // ruler stay true (counted from the process start).
  Nanos activity_start() const;
  // The lane record of `id` (nullptr when there is no such lane).
  const Lane* lane(LaneId id) const { return lane_ok(id) ? &lanes_[static_cast<std::size_t>(id)] : nullptr; }
  bool empty() const { return events_.empty(); }

  // Spans of `lane` overlapping [t0, t1], as a contiguous sub-range (binary search).
  std::span<const Span> spans_in(LaneId lane, Nanos t0, Nanos t1) const;
  // The lane's display name: "Task-2 main()", "loop", "main", "ThreadPoolExecutor-0_0".
  std::string display_name(LaneId lane) const;
  // The lane's own name as the stream gave it ("Task-2", "w1", "numbers"); "?" for no lane.
  std::string_view lane_name(LaneId lane) const { return lane_ok(lane) ? str(lanes_[static_cast<std::size_t>(lane)].name) : "?"; }
  bool lane_ok(LaneId lane) const { return lane >= 0 && static_cast<std::size_t>(lane) < lanes_.size(); }

 private:
  friend class TraceBuilder;  // the record -> model rules, in trace_builder.cpp
  void note_problem(std::string text);
  StringPool strings_;
  std::vector<Event> events_;
  std::vector<Lane> lanes_;
  std::vector<Link> links_;
  RunInfo info_;
  // Ingest state.
  std::vector<LaneId> stream_lanes_;        // stream lane id -> model lane (kNoLane: unknown)
  std::vector<LaneId> last_driver_;         // per lane: the lane that last drove this generator
  std::vector<LaneId> gen_child_;           // per lane: the gen lane whose frame it is inside
  std::vector<LaneId> block_mirror_;        // per lane: task lane holding a copy of its open block
  std::vector<std::uint8_t> iterator_call_; // per lane: the open frame was entered by a "call"
  std::unordered_map<std::int64_t, LaneId> open_jobs_;  // job id -> worker lane
  LaneId current_loop_ = kNoLane;
  std::size_t problems_ = 0;                // malformed / unknown records seen
  bool ended_ = false;
};

}  // namespace loopscope
