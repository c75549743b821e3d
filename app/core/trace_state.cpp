#include "core/trace_state.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/starvation.h"
#include "core/time_format.h"

namespace loopscope {

std::string_view to_string(TaskState state) {
  constexpr std::string_view names[] = {"not started", "ready", "running", "suspended", "done", "failed", "cancelled"};
  return names[static_cast<int>(state) % 7];
}
std::string_view to_string(LoopActivity activity) {
  constexpr std::string_view names[] = {"busy", "idle", "running a task", "running a callback", "stopped"};
  return names[static_cast<int>(activity) % 5];
}
std::string_view to_string(GenState state) {
  constexpr std::string_view names[] = {"created", "running", "paused at yield", "finished", "awaiting", "pulling"};
  return names[static_cast<int>(state) % 6];
}

namespace {

std::string format_ms3(Nanos ns) { return format_ms(ns, 3); }

bool started(const Span& s, Nanos t, EventIndex index) {
  return s.start <= t && (s.begin_event == kNoEvent || s.begin_event <= index);
}
bool ended(const Span& s, Nanos t, EventIndex index) {
  if (s.end == kOpenEnd) return s.end_event != kNoEvent && s.end_event <= index;
  if (s.end < t) return true;
  return s.end == t && (s.end_event == kNoEvent || s.end_event <= index);
}

// The due time of a suspension: the runtime's `due`, else read from a "sleep(0.5)" label.
Nanos due_of(const Trace& trace, const Span& span) {
  if (span.begin_event < trace.events().size()) {
    const Event& ev = trace.events()[span.begin_event];
    if (ev.kind == EventKind::Suspend && ev.aux > 0) return ev.aux;
    if (ev.kind == EventKind::Suspend && static_cast<WaitKind>(ev.sub) != WaitKind::Sleep) return 0;
  }
  const std::string_view label = trace.str(span.label);
  if (label.substr(0, 6) != "sleep(") return 0;
  const std::string number(label.substr(6, label.find(')') - 6));
  double seconds = 0;
  if (std::sscanf(number.c_str(), "%lf", &seconds) != 1 || seconds < 0) return 0;
  return span.start + static_cast<Nanos>(seconds * 1e9);
}

// The number of instants of `instants` recorded at or before event `index` (they are in event
// order).
std::size_t instants_until(const InstantList& instants, EventIndex index) {
  std::size_t lo = 0, hi = instants.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (instants.event(mid) <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Whether the watchdog had reported `span` stalled by event `index` (a Stall instant on the
// loop lane inside the span): a long step is only shown stalled once that was known.
bool stall_seen(const Trace& trace, LaneId loop, const Span& span, EventIndex index) {
  if (!(span.flags & kSpanStalled) || !trace.lane_ok(loop)) return false;
  const InstantList& instants = trace.lane(loop)->instants;
  std::size_t i = instants_until(instants, index);
  for (int budget = 32; i > 0 && budget > 0; --budget) {
    const Instant in = instants[--i];
    if (in.t < span.start) break;
    if (in.kind == InstantKind::Stall) return true;
  }
  return false;
}

std::string_view blocking_at(const Trace& trace, const Lane& lane, Nanos t, EventIndex index) {
  const auto b = span_at(lane.overlays, t, index);
  return b ? trace.str(lane.overlays[*b].label) : std::string_view();
}

// A starved Ready span that ends in a late timer's run began when that timer was due: the task
// was starved by a busy loop. Name what it had been waiting for (the suspension before it).
void mark_if_overdue(const Trace& trace, const Lane& lane, std::size_t ready_index, TaskAt& task) {
  const Span ready = lane.spans[ready_index];
  if (ready.end_event >= trace.events().size()) return;
  const Event& run = trace.events()[ready.end_event];
  if (run.kind != EventKind::Run || static_cast<WakeWhy>(run.sub) != WakeWhy::Timer || !(ready.flags & kSpanStarved)) return;
  task.overdue = true;
  if (ready_index > 0 && lane.spans.kind_of(ready_index - 1) == SpanKind::Suspended) {
    task.awaiting = trace.str(lane.spans[ready_index - 1].label);
    task.due = ready.start;
  }
}

TaskAt task_at(const Trace& trace, const Lane& lane, Nanos t, EventIndex index) {
  TaskAt task;
  task.lane = lane.id;
  if (const auto at = span_at(lane.spans, t, index)) {
    const Span span = lane.spans[*at];
    const Span* s = &span;
    task.since = s->start;
    task.line = s->line;
    switch (s->kind) {
      case SpanKind::Ready:
        task.state = TaskState::Ready;
        mark_if_overdue(trace, lane, *at, task);
        break;
      case SpanKind::Suspended:
        task.state = TaskState::Suspended;
        task.awaiting = trace.str(s->label);
        task.awaiting_lane = s->target;
        task.due = due_of(trace, *s);
        // Its timer is due. If the loop is busy with other work, the task is in effect ready
        // and starved (the runtime learns this only when the timer finally runs, so it is
        // derived here; the timeline draws the same once the run is recorded). If the loop
        // sits idle it is only waking up: still suspended.
        if (task.due > 0 && task.due <= t) {
          const Lane* loop = trace.lane(lane.loop);
          if (loop && starved_by_loop(*loop, task.due, t)) {
            task.state = TaskState::Ready;
            task.since = task.due;
            task.overdue = true;
          } else {
            task.timer_due = true;
          }
        }
        break;
      default:
        task.state = TaskState::Running;
        task.stalled = stall_seen(trace, lane.loop, *s, index);
        task.blocking = blocking_at(trace, lane, t, index);
        break;
    }
    return task;
  }
  if (lane.ended_at != kNoEvent && lane.ended_at <= index) {
    const auto outcome = static_cast<Outcome>(lane.end_how);
    task.state = outcome == Outcome::Exception ? TaskState::Failed
               : outcome == Outcome::Cancelled ? TaskState::Cancelled : TaskState::Done;
    const Event& done = trace.events()[lane.ended_at];
    task.since = done.t;
    task.line = done.line;
    task.result = trace.str(done.text);
    return task;
  }
  // Between spans (should not happen) or after the run ended with the task still pending.
  const bool began = !lane.spans.empty() && started(lane.spans.front(), t, index);
  task.state = began ? TaskState::Suspended : TaskState::NotStarted;
  if (!began) task.since = lane.declared_at < trace.events().size() ? trace.events()[lane.declared_at].t : 0;
  return task;
}

LoopAt loop_at(const Trace& trace, const Lane& lane, Nanos t, EventIndex index) {
  LoopAt loop;
  loop.lane = lane.id;
  if (const auto at = span_at(lane.spans, t, index)) {
    const Span span = lane.spans[*at];
    const Span* s = &span;
    loop.since = s->start;
    switch (s->kind) {
      case SpanKind::Idle: loop.activity = LoopActivity::Idle; break;
      case SpanKind::Callback:
        loop.activity = LoopActivity::Callback;
        loop.callback = trace.str(s->label);
        break;
      default:
        loop.activity = LoopActivity::Task;
        loop.task = s->target;
        break;
    }
    loop.stalled = s->kind != SpanKind::Idle && stall_seen(trace, lane.id, *s, index);
  } else if (trace.ended() && trace.events().size() > 0 && index + 1 >= trace.events().size()) {
    loop.activity = LoopActivity::Stopped;
  }
  loop.blocking = blocking_at(trace, lane, t, index);
  return loop;
}

// The lane that last drove a generator, as of span `at` (running spans name their driver).
LaneId last_driver(const Lane& lane, std::size_t at) {
  for (std::size_t i = at + 1; i-- > 0;) {
    const SpanKind kind = lane.spans.kind_of(i);
    if (kind == SpanKind::GenRunning || kind == SpanKind::GenSuspended) return lane.spans[i].target;
  }
  return lane.parent;
}

// The span a generator lane is in at (t, index). A generator lane is always in one of its
// spans from its start until it finishes, so past its last span without finishing it is still
// in that one: the run ended there (the end of the trace closed it; a generator paused at a
// yield when the program ended was paused, not "created").
std::optional<std::size_t> gen_span_at(const Lane& lane, Nanos t, EventIndex index) {
  if (const auto at = span_at(lane.spans, t, index)) return at;
  const bool finished = lane.ended_at != kNoEvent && lane.ended_at <= index;
  if (finished || lane.spans.empty()) return std::nullopt;
  const std::size_t last = lane.spans.size() - 1;
  if (!started(lane.spans[last], t, index)) return std::nullopt;
  return last;
}

GenAt gen_at(const Trace& trace, const Lane& lane, Nanos t, EventIndex index) {
  GenAt gen;
  gen.lane = lane.id;
  if (const auto at = gen_span_at(lane, t, index)) {
    const Span span = lane.spans[*at];
    const Span* s = &span;
    gen.line = s->line;
    gen.driver = last_driver(lane, *at);
    switch (s->kind) {
      case SpanKind::GenRunning:
        gen.state = GenState::Running;
        gen.driver = s->target;
        break;
      case SpanKind::GenAwaiting:
        gen.state = GenState::Awaiting;
        gen.awaiting = trace.str(s->label);
        gen.inner = s->target;
        break;
      case SpanKind::GenPulling:
        gen.state = GenState::Pulling;
        gen.inner = s->target;
        break;
      default:
        gen.state = GenState::Suspended;
        gen.driver = s->target;
        break;
    }
  } else if (lane.ended_at != kNoEvent && lane.ended_at <= index) {
    gen.state = GenState::Finished;
    gen.line = trace.events()[lane.ended_at].line;
  }
  // The last Yield at or before the event: instants are in event order.
  std::size_t i = instants_until(lane.instants, index);
  for (int budget = 16; i > 0 && budget > 0; --budget) {
    const Instant in = lane.instants[--i];
    if (in.kind == InstantKind::Yield) {
      gen.last_value = trace.str(in.text);
      gen.has_value = true;
      break;
    }
  }
  return gen;
}


// Why a timer fired late: the loop was busy with other work (the task was starved), or the
// loop sat idle and woke up a little late (jitter).
std::string late_timer_story(const Trace& trace, const Event& run) {
  const Lane* task = trace.lane(run.lane);
  const Lane* loop = task ? trace.lane(task->loop) : nullptr;
  if (!loop) return "?";
  const Nanos due = std::max<Nanos>(0, run.aux - run.late);
  const Nanos work = loop_work_ns(*loop, due, run.t, run.t - due);
  if (work >= kStarvedNs) return "ran other work for " + format_ms3(work) + ": the task was starved";
  return "was mostly idle (" + format_ms3(work) + " of other work): wake-up jitter, not starvation";
}

}  // namespace

std::optional<std::size_t> span_at(const SpanList& spans, Nanos t, EventIndex index) {
  std::size_t lo = 0, hi = spans.size();  // the first span starting after t
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (spans.start_of(mid) <= t) lo = mid + 1;
    else hi = mid;
  }
  // Spans never overlap, but zero-length spans and spans opened by a later event at the
  // same time need a few steps back.
  for (int budget = 4; lo > 0 && budget > 0; --budget) {
    const Span s = spans[--lo];
    if (!started(s, t, index)) continue;
    if (ended(s, t, index)) return std::nullopt;
    return lo;
  }
  return std::nullopt;
}

StateAt state_at(const Trace& trace, EventIndex index) {
  StateAt state;
  const auto& events = trace.events();
  if (events.empty()) return state;
  index = std::min<EventIndex>(index, static_cast<EventIndex>(events.size() - 1));
  const Nanos t = events[index].t;
  state.event = index;
  state.t = t;
  state.record = events[index];
  state.fields = describe_event(trace, index);

  for (const Lane& lane : trace.lanes()) {
    if (lane.declared_at == kNoEvent || lane.declared_at > index) continue;
    switch (lane.kind) {
      case LaneKind::Main: state.main_blocking = blocking_at(trace, lane, t, index); break;
      case LaneKind::Loop: state.loops.push_back(loop_at(trace, lane, t, index)); break;
      case LaneKind::Task: state.tasks.push_back(task_at(trace, lane, t, index)); break;
      case LaneKind::Gen: state.gens.push_back(gen_at(trace, lane, t, index)); break;
      case LaneKind::Thread: {
        WorkerAt w;
        w.lane = lane.id;
        if (const auto at = span_at(lane.spans, t, index)) {
          const Span s = lane.spans[*at];
          w.busy = true;
          w.job = trace.str(s.label);
          w.for_task = s.target;
          w.since = s.start;
        }
        w.blocking = blocking_at(trace, lane, t, index);
        state.workers.push_back(w);
        break;
      }
    }
  }
  // Ready queues and timers, per loop.
  for (LoopAt& loop : state.loops) {
    std::vector<std::pair<Nanos, LaneId>> ready;
    for (const TaskAt& task : state.tasks) {
      if (trace.lanes()[task.lane].loop != loop.lane) continue;
      if (task.state == TaskState::Ready) ready.emplace_back(task.since, task.lane);
      if (task.state == TaskState::Suspended && task.due > 0)
        loop.timers.push_back(TimerAt{task.lane, task.due, task.awaiting});
    }
    std::stable_sort(ready.begin(), ready.end());
    for (const auto& r : ready) loop.ready.push_back(r.second);
    std::stable_sort(loop.timers.begin(), loop.timers.end(),
                     [](const TimerAt& a, const TimerAt& b) { return a.due < b.due; });
  }
  return state;
}

LineAt line_at(const Trace& trace, EventIndex index, int budget) {
  LineAt at;
  const auto& events = trace.events();
  if (index == kNoEvent || index >= events.size()) return at;
  for (EventIndex i = index + 1; i-- > 0 && budget-- > 0;) {
    if (events[i].line > 0 && events[i].kind != EventKind::Lane) {
      at.line = events[i].line;
      at.lane = events[i].lane;
      at.exact = i == index;
      return at;
    }
  }
  return at;
}

std::vector<std::pair<std::string, std::string>> describe_event(const Trace& trace, EventIndex index) {
  std::vector<std::pair<std::string, std::string>> f;
  if (index >= trace.events().size()) return f;
  const Event& ev = trace.events()[index];
  auto add = [&](std::string key, std::string value) { f.emplace_back(std::move(key), std::move(value)); };
  auto lane_name = [&](LaneId id) { return id == kNoLane ? std::string("-") : trace.display_name(id); };
  auto text = [&](StrId id) { return std::string(trace.str(id)); };
  add("event", std::string(to_string(ev.kind)));
  add("seq", std::to_string(ev.seq));
  add("time", format_ms3(ev.t));
  if (ev.lane != kNoLane) add("lane", lane_name(ev.lane));
  if (ev.line > 0) add("line", std::to_string(ev.line));
  switch (ev.kind) {
    case EventKind::Lane:
      add("kind", std::string(to_string(static_cast<LaneKind>(ev.sub))));
      if (ev.other != kNoLane) add("parent", lane_name(ev.other));
      break;
    case EventKind::Rename: add("name", text(ev.text)); break;
    case EventKind::Run:
      add("why", std::string(to_string(static_cast<WakeWhy>(ev.sub))));
      add("ready since", format_ms3(ev.aux));
      add("waited ready", format_ms3(ev.t - ev.aux));
      if (ev.other != kNoLane) add("woken by", lane_name(ev.other));
      if (ev.late > 0) {
        add("timer late by", format_ms3(ev.late));
        add("while late, the loop", late_timer_story(trace, ev));
      }
      break;
    case EventKind::Suspend:
      add("awaiting", text(ev.text));
      add("wait", std::string(to_string(static_cast<WaitKind>(ev.sub))));
      if (ev.other != kNoLane) add("target", lane_name(ev.other));
      break;
    case EventKind::Done:
      add("outcome", std::string(to_string(static_cast<Outcome>(ev.sub))));
      add("detail", text(ev.text));
      break;
    case EventKind::Callback: add("callback", text(ev.text)); break;
    case EventKind::Idle: add("timeout", ev.aux < 0 ? std::string("none") : format_ms3(ev.aux)); break;
    case EventKind::Stall:
      add("task", lane_name(ev.other));
      add("function", text(ev.text));
      add("running for", format_ms3(ev.t - ev.aux));
      break;
    case EventKind::Block: add("call", text(ev.text)); break;
    case EventKind::Job:
      add("function", text(ev.text));
      add("for task", lane_name(ev.other));
      add("via", ev.sub ? "run_in_executor" : "to_thread");
      break;
    case EventKind::JobEnd: add("outcome", std::string(to_string(static_cast<Outcome>(ev.sub)))); break;
    case EventKind::Enter:
    case EventKind::Leave:
      add("how", std::string(to_string(static_cast<GenHow>(ev.sub))));
      if (ev.other != kNoLane) add("driven by", lane_name(ev.other));
      if (ev.text) add("value", text(ev.text));
      if (ev.extra) add("exception", text(ev.extra));
      break;
    case EventKind::Print:
      add("stream", ev.sub ? "stderr" : "stdout");
      add("text", text(ev.text));
      break;
    case EventKind::Exception:
      add("exception", text(ev.text));
      add("traceback", text(ev.extra));
      break;
    case EventKind::Warning:
      add("category", text(ev.extra));
      add("text", text(ev.text));
      break;
    case EventKind::Note: add("text", text(ev.text)); break;
    case EventKind::Exit: add("code", std::to_string(ev.aux)); break;
    case EventKind::End:
      add("status", std::string(to_string(static_cast<EndStatus>(ev.sub))));
      add("code", std::to_string(ev.aux));
      if (ev.late) add("signal", std::to_string(ev.late));
      if (ev.text) add("message", text(ev.text));
      break;
    default: break;
  }
  return f;
}

}  // namespace loopscope
