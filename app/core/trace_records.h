// The records of the trace model, as values: an event, a span, an instant, a link, and the
// codes they carry. The model stores them packed (core/event_list.h, core/span_list.h, ...) and
// hands out these values.
#pragma once

#include <cstdint>
#include <limits>
#include <string_view>

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

// One record of the event stream, decoded (the model stores it packed: core/event_list.h).
// Lane fields (lane, other) hold model LaneIds, not the stream's ids. Which field holds what,
// per kind:
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

}  // namespace loopscope
