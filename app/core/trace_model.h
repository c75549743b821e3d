// The trace model: what happened in one run, as lanes of spans and instants plus links.
// Filled from the event stream (docs/trace-format.md) one record at a time, live or from a
// file, always through Trace::ingest_line. No ImGui, no GL: the views only read this.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
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
enum class WakeWhy : std::uint8_t { Start, Timer, Future, Task, Thread, Soon, Cancel, Other };
enum class WaitKind : std::uint8_t { Sleep, Future, Task, Queue, Event, Lock, Thread, Gather, Io, Yield, Other };
enum class Outcome : std::uint8_t { Result, Exception, Cancelled };
enum class Stream : std::uint8_t { Stdout, Stderr };
enum class GenHow : std::uint8_t { Start, Resume, Call, Yield, Return, Raise, Stop, Close };
enum class EndStatus : std::uint8_t { Running, Finished, Failed, Stopped, Timeout, Crashed, TracerError };

// One record of the event stream, compacted (48 bytes). Which field holds what, per kind:
//   Lane:    text=name extra=coro/thread/obj other=parent line=created/def line sub=LaneKind
//   Rename:  text=new name
//   Run:     aux=ready time  other=waker lane  sub=WakeWhy  line=resumed at  late=timer lateness
//   Suspend: text=awaiting label  sub=WaitKind  other=target lane  line=await line  aux=due time (0 = none)
//   Done:    text=detail  sub=Outcome  line
//   Callback:text=name line;  Idle: aux=timeout;  Stall: other=task aux=since line text=func
//   Block:   text=what line;  Job: text=func other=task aux=job id;  JobEnd: sub=Outcome aux=job id
//   Enter/Leave: other=driving lane  sub=GenHow  text=value (Leave)  extra=exception type  line
//   Print:   text=line  sub=Stream;  Exception: text=Type: message extra=traceback line
//   Warning: text=message extra=category line;  Note: text;  Exit: aux=code;  End: sub=EndStatus text=message aux=code
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
  GenRunning,    // generator frame running (gen lane)
  GenSuspended,  // generator paused at a yield (gen lane)
};

enum SpanFlags : std::uint8_t { kSpanStalled = 1, kSpanFailed = 2, kSpanCancelled = 4 };

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
};

struct Instant {
  Nanos t = 0;
  EventIndex event = kNoEvent;
  std::int32_t line = 0;
  StrId text = 0;     // print text, yielded value, warning, exception
  StrId extra = 0;    // stream name, generator name, ...
  InstantKind kind = InstantKind::Print;
};

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
};

struct RunInfo {
  std::string python_version;
  std::string script;
  std::int64_t pid = 0;
  int stall_ms = 50;
  EndStatus status = EndStatus::Running;
  int exit_code = 0;
  std::string end_message;        // runner's explanation when it did not end normally
  std::vector<std::string> notes;  // `note` records and ingest problems, in order
};

class Trace {
 public:
  // Parses one line of the event stream and applies it. A malformed line is recorded as a
  // note and returns false; everything ingested before it stays.
  bool ingest_line(std::string_view json_line);
  // Closes open spans at the last known time and records how the run ended.
  void finish(EndStatus status, int exit_code, std::string message);

  const std::vector<Event>& events() const { return events_; }
  const std::vector<Lane>& lanes() const { return lanes_; }
  const std::vector<Link>& links() const { return links_; }
  const RunInfo& info() const { return info_; }
  const StringPool& strings() const { return strings_; }
  std::string_view str(StrId id) const { return strings_.view(id); }

  Nanos end_time() const;  // time of the last event (or of finish)
  bool empty() const { return events_.empty(); }

  // Spans of `lane` overlapping [t0, t1], as a contiguous sub-range (binary search).
  std::span<const Span> spans_in(LaneId lane, Nanos t0, Nanos t1) const;
  // The lane's display name: "Task-2 main()", "loop", "main", "ThreadPoolExecutor-0_0".
  std::string display_name(LaneId lane) const;

 private:
  friend class TraceBuilderAccess;  // implementation helpers in trace_model.cpp
  StringPool strings_;
  std::vector<Event> events_;
  std::vector<Lane> lanes_;
  std::vector<Link> links_;
  RunInfo info_;
};

}  // namespace loopscope
