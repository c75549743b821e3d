// The rules that turn stream records into the model: lanes, spans, instants and links.
// Append-only and live-friendly: each record touches only the ends of a few lanes.
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/event_record.h"
#include "core/name_table.h"
#include "core/starvation.h"
#include "core/time_format.h"
#include "core/trace_model.h"

namespace loopscope {

namespace {

template <typename E, std::size_t N>
E code_of(std::string_view text, const std::string_view (&names)[N], E fallback) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == text) return static_cast<E>(i);
  return fallback;
}

constexpr std::string_view kWhy[] = {"start", "timer", "future", "task", "thread", "soon", "cancel", "other", "io"};
constexpr std::string_view kWait[] = {"sleep", "future", "task", "queue", "event", "lock",
                                      "thread", "gather", "io", "yield", "other"};
constexpr std::string_view kOutcome[] = {"result", "exception", "cancelled"};
constexpr std::string_view kHow[] = {"start", "resume", "call", "yield", "return", "raise", "stop", "close"};
constexpr std::string_view kLaneKind[] = {"main", "loop", "task", "thread", "gen"};
constexpr std::string_view kStatus[] = {"running", "finished", "failed", "stopped", "timeout", "crashed", "tracer-error"};
constexpr std::string_view kExitHow[] = {"normal", "exception", "sysexit", "signal"};

struct KindName {
  std::string_view name;
  EventKind kind;
};
constexpr KindName kKinds[] = {
    {"hello", EventKind::Hello}, {"exit", EventKind::Exit}, {"note", EventKind::Note},
    {"end", EventKind::End}, {"lane", EventKind::Lane}, {"rename", EventKind::Rename},
    {"run", EventKind::Run}, {"suspend", EventKind::Suspend}, {"done", EventKind::Done},
    {"cb", EventKind::Callback}, {"cb_end", EventKind::CallbackEnd}, {"idle", EventKind::Idle},
    {"idle_end", EventKind::IdleEnd}, {"stall", EventKind::Stall}, {"block", EventKind::Block},
    {"block_end", EventKind::BlockEnd}, {"job", EventKind::Job}, {"job_end", EventKind::JobEnd},
    {"enter", EventKind::Enter}, {"leave", EventKind::Leave}, {"print", EventKind::Print},
    {"exception", EventKind::Exception}, {"warning", EventKind::Warning},
};

EventKind event_kind_of(std::string_view ev) {
  static const NameTable<EventKind> table = [] {
    NameTable<EventKind> t;
    for (const auto& k : kKinds) t.add(k.name) = k.kind;
    return t;
  }();
  const EventKind* kind = table.find(ev);
  return kind ? *kind : EventKind::Unknown;
}

}  // namespace

std::string_view to_string(EventKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.name;
  return "unknown";
}
std::string_view to_string(LaneKind kind) { return kLaneKind[static_cast<int>(kind) % 5]; }
std::string_view to_string(WakeWhy why) { return kWhy[static_cast<int>(why) % 9]; }
std::string_view to_string(WaitKind wait) { return kWait[static_cast<int>(wait) % 11]; }
std::string_view to_string(Outcome outcome) { return kOutcome[static_cast<int>(outcome) % 3]; }
std::string_view to_string(GenHow how) { return kHow[static_cast<int>(how) % 8]; }
std::string_view to_string(EndStatus status) { return kStatus[static_cast<int>(status) % 7]; }
std::string_view to_string(ExitHow how) { return kExitHow[static_cast<int>(how) % 4]; }

class TraceBuilder {
 public:
  TraceBuilder(Trace& trace, const EventRecord& r) : tr_(trace), r_(r) {}

  bool apply() {
    const EventKind kind = event_kind_of(r_.ev);
    if (kind == EventKind::Unknown) {
      tr_.note_problem("skipped a record of unknown kind '" + std::string(r_.ev.substr(0, 40)) + "'");
      return false;
    }
    if (r_.t < 0 && kind != EventKind::End) {
      tr_.note_problem("skipped a '" + std::string(r_.ev) + "' record without a time");
      return false;
    }
    make_event(kind);
    switch (kind) {
      case EventKind::Hello: hello(); break;
      case EventKind::Exit: exit_record(); break;
      case EventKind::Note: note(); break;
      case EventKind::End: end(); break;
      case EventKind::Lane: declare_lane(); break;
      case EventKind::Rename: rename(); break;
      case EventKind::Run: run(); break;
      case EventKind::Suspend: suspend(); break;
      case EventKind::Done: done(); break;
      case EventKind::Callback: callback(); break;
      case EventKind::CallbackEnd: close_span(ev_.lane, SpanKind::Callback); break;
      case EventKind::Idle: ev_.aux = r_.timeout; open_loop_span(SpanKind::Idle, 0); break;
      case EventKind::IdleEnd: ev_.aux = r_.events; close_span(ev_.lane, SpanKind::Idle); break;
      case EventKind::Stall: stall(); break;
      case EventKind::Block: block(); break;
      case EventKind::BlockEnd: block_end(); break;
      case EventKind::Job: job(); break;
      case EventKind::JobEnd: job_end(); break;
      case EventKind::Enter: enter(); break;
      case EventKind::Leave: leave(); break;
      case EventKind::Print: print(); break;
      case EventKind::Exception: exception(); break;
      case EventKind::Warning: warning(); break;
      case EventKind::Unknown: break;
    }
    tr_.events_.push_back(ev_);
    return true;
  }

 private:
  Trace& tr_;
  const EventRecord& r_;
  Event ev_;
  EventIndex idx_ = kNoEvent;

  StrId str(std::string_view s) { return tr_.strings_.intern(s); }
  bool valid(LaneId lane) const { return lane >= 0 && lane < static_cast<LaneId>(tr_.lanes_.size()); }
  Lane& lane(LaneId id) { return tr_.lanes_[static_cast<std::size_t>(id)]; }

  LaneId map_lane(std::int64_t stream_id) const {
    if (stream_id < 0 || stream_id >= static_cast<std::int64_t>(tr_.stream_lanes_.size())) return kNoLane;
    return tr_.stream_lanes_[static_cast<std::size_t>(stream_id)];
  }

  // The record's lane, which must have been declared (else a note, and nothing is drawn).
  LaneId record_lane() {
    const LaneId id = map_lane(r_.lane);
    if (id == kNoLane && r_.lane != kAbsent)
      tr_.note_problem("a '" + std::string(r_.ev) + "' record names undeclared lane " + std::to_string(r_.lane));
    return id;
  }

  // The event is filled in by the rules below and appended when they are done (apply()).
  void make_event(EventKind kind) {
    const auto& events = tr_.events_;
    const Nanos last_t = events.empty() ? 0 : events.t(events.size() - 1);
    ev_.kind = kind;
    // The format promises t never decreases; a stream that breaks it is clamped so that
    // spans stay sorted.
    ev_.t = std::max(r_.t < 0 ? last_t : r_.t, last_t);
    ev_.seq = r_.seq >= 0 ? static_cast<std::uint32_t>(r_.seq)
                          : (events.empty() ? 0 : events.seq(events.size() - 1) + 1);
    ev_.line = static_cast<std::int32_t>(r_.line);
    if (kind != EventKind::Lane) ev_.lane = record_lane();
    idx_ = static_cast<EventIndex>(events.size());
  }

  // --- span helpers: only the last span of a lane is ever open ---
  static Span* open_span_of(SpanList& spans) {
    Span* last = spans.last();
    return last && last->end == kOpenEnd ? last : nullptr;
  }
  static Nanos last_end(const SpanList& spans) { return spans.end_of(spans.size() - 1); }
  void close(Span& span, Nanos t, EventIndex event) {
    span.end = std::max(span.start, t);
    span.end_event = event;
  }
  Span& push_span(SpanList& spans, SpanKind kind, Nanos start) {
    if (Span* open = open_span_of(spans)) close(*open, start, idx_);  // never two open spans
    if (!spans.empty()) start = std::max(start, last_end(spans));
    Span span;
    span.kind = kind;
    span.start = start;
    span.begin_event = idx_;
    span.line = ev_.line;
    return spans.push_back(span);
  }
  // Closes the lane's open span if it is of `kind`; returns it.
  Span* close_span(LaneId id, SpanKind kind) {
    if (!valid(id)) return nullptr;
    Span* open = open_span_of(lane(id).spans);
    if (!open || open->kind != kind) return nullptr;
    close(*open, ev_.t, idx_);
    return open;
  }
  void add_instant(LaneId id, InstantKind kind, StrId text, StrId extra) {
    if (!valid(id)) return;
    Instant in;
    in.t = ev_.t;
    in.event = idx_;
    in.line = ev_.line;
    in.text = text;
    in.extra = extra;
    in.kind = kind;
    lane(id).instants.push_back(in);
  }
  void add_link(LinkKind kind, LaneId from, Nanos from_t, LaneId to, Nanos to_t) {
    if (!valid(from) || !valid(to)) return;
    tr_.links_.push_back(Link{from_t, to_t, from, to, idx_, kind});
  }

  // --- run records ---
  void hello() {
    auto& info = tr_.info_;
    info.python_version = std::string(r_.python);
    info.impl = std::string(r_.impl);
    info.script = std::string(r_.script);
    info.pid = r_.pid;
    if (r_.stall_ms > 0) info.stall_ms = static_cast<int>(r_.stall_ms);
    if (r_.version > 1) tr_.note_problem("the trace is format version " + std::to_string(r_.version) +
                                          "; this loopscope reads version 1");
  }
  void exit_record() {
    ev_.aux = r_.code;
    ev_.sub = static_cast<std::uint8_t>(code_of(r_.how, kExitHow, ExitHow::Normal));
    tr_.info_.exit_code = static_cast<int>(r_.code);
    tr_.info_.exit_seen = true;
  }
  void note() {
    ev_.text = str(r_.text);
    if (r_.budget > 0) ev_.aux = r_.budget;  // kept, so that a saved trace is cut at the same place
    tr_.info_.notes.emplace_back(r_.text);
    add_instant(tr_.lanes_.empty() ? kNoLane : 0, InstantKind::Note, ev_.text, 0);
    if (r_.budget > 0 && tr_.info_.recorded_until < 0) {
      // Past the budget nothing but the end of the run is recorded: what was running or
      // waiting here is not known to go on, so its span ends here rather than at the end.
      tr_.info_.recorded_until = ev_.t;
      close_everything(ev_.t, idx_);
    }
  }
  void end() {
    const auto status = code_of(r_.status, kStatus, EndStatus::Finished);
    ev_.sub = static_cast<std::uint8_t>(status);
    ev_.aux = r_.code;
    ev_.late = r_.signal;
    ev_.text = str(r_.message);
    tr_.info_.status = status;
    tr_.info_.exit_code = static_cast<int>(r_.code);
    tr_.info_.signal = static_cast<int>(r_.signal);
    tr_.info_.end_message = std::string(r_.message);
    close_everything(ev_.t, idx_);
    tr_.ended_ = true;
  }

 public:
  // Open spans end when the run ends (a task still suspended stays suspended to the end).
  static void close_all(Trace& tr, Nanos t, EventIndex event) {
    for (auto& ln : tr.lanes_) {
      for (auto* spans : {&ln.spans, &ln.overlays})
        if (Span* open = open_span_of(*spans)) {
          open->end = std::max(open->start, t);
          open->end_event = event;
        }
    }
  }

 private:
  void close_everything(Nanos t, EventIndex event) { close_all(tr_, t, event); }

  // --- lanes ---
  void declare_lane() {
    const auto kind = code_of(r_.kind, kLaneKind, LaneKind::Gen);
    if (r_.lane < 0 || r_.lane > (1 << 22)) {
      tr_.note_problem("a lane record has a bad lane id " + std::to_string(r_.lane));
      return;
    }
    const auto id = static_cast<LaneId>(tr_.lanes_.size());
    Lane ln;
    ln.id = id;
    ln.kind = kind;
    ln.name = str(r_.name);
    ln.detail = str(kind == LaneKind::Task ? r_.coro : kind == LaneKind::Thread ? r_.thread : r_.obj);
    ln.parent = map_lane(r_.parent);
    ln.line = static_cast<std::int32_t>(r_.line);
    ln.declared_at = idx_;
    if (kind == LaneKind::Task) ln.loop = task_loop(ln.parent);
    tr_.lanes_.push_back(std::move(ln));
    tr_.last_driver_.push_back(kNoLane);
    tr_.gen_child_.push_back(kNoLane);
    tr_.block_mirror_.push_back(kNoLane);
    tr_.iterator_call_.push_back(0);
    auto& map = tr_.stream_lanes_;
    if (map.size() <= static_cast<std::size_t>(r_.lane)) map.resize(static_cast<std::size_t>(r_.lane) + 1, kNoLane);
    map[static_cast<std::size_t>(r_.lane)] = id;
    if (kind == LaneKind::Loop) tr_.current_loop_ = id;

    ev_.lane = id;
    ev_.sub = static_cast<std::uint8_t>(kind);
    ev_.text = lane(id).name;
    ev_.extra = lane(id).detail;
    ev_.other = lane(id).parent;
    if (kind == LaneKind::Task) {
      add_instant(id, InstantKind::TaskCreated, 0, 0);
      add_link(LinkKind::Created, ln_parent(id), ev_.t, id, ev_.t);
    }
  }
  LaneId ln_parent(LaneId id) { return lane(id).parent; }

  // The loop a new task runs on: the record's `loop`; in older streams without it, a guess
  // (the creating task's loop, else the last declared loop).
  LaneId task_loop(LaneId parent) {
    const LaneId named = map_lane(r_.loop);
    if (valid(named) && lane(named).kind == LaneKind::Loop) return named;
    const bool parent_is_task = valid(parent) && lane(parent).kind == LaneKind::Task;
    return parent_is_task ? lane(parent).loop : tr_.current_loop_;
  }

  void rename() {
    ev_.text = str(r_.name);
    if (valid(ev_.lane)) lane(ev_.lane).name = ev_.text;
  }

  // --- task steps ---
  LaneId loop_of(LaneId task) { return valid(task) && valid(lane(task).loop) ? lane(task).loop : tr_.current_loop_; }

  void run() {
    const LaneId task = ev_.lane;
    const auto why = code_of(r_.why, kWhy, WakeWhy::Other);
    ev_.sub = static_cast<std::uint8_t>(why);
    ev_.other = map_lane(r_.by);
    ev_.late = r_.late;
    const Nanos ready = r_.ready < 0 ? ev_.t : std::min<Nanos>(r_.ready, ev_.t);
    ev_.aux = ready;
    if (!valid(task)) return;
    // The task became ready when it was woken. A timer that fired late while the loop ran
    // other work had made it ready earlier, when it was due: the task was starved. Neither is
    // before its last step ended (a task that reschedules itself is woken inside that step).
    auto& spans = lane(task).spans;
    const Span* open = open_span_of(spans);
    const Nanos suspended_at = open ? open->start : spans.empty() ? 0 : last_end(spans);
    const Nanos woken = std::max(ready, suspended_at);
    const Nanos due = why == WakeWhy::Timer && r_.late > 0 ? std::max(ready - r_.late, suspended_at) : woken;
    const LaneId loop = loop_of(task);
    const bool starved = valid(loop) && starved_by_loop(lane(loop), due, ev_.t);
    const Nanos ready_from = starved ? due : woken;
    // What the task had been waiting for: a timer ending its own sleep, or something else.
    bool slept = false;
    if (const Span* s = open_span_of(spans); s && s->kind == SpanKind::Suspended && s->begin_event < tr_.events_.size())
      slept = static_cast<WaitKind>(tr_.events_[s->begin_event].sub) == WaitKind::Sleep;
    if (Span* s = open_span_of(spans)) {
      // The suspension ended when the task became ready (a Step left open is closed here).
      close(*s, s->kind == SpanKind::Suspended ? ready_from : ev_.t, idx_);
    }
    const Nanos from = spans.empty() ? ready_from : std::max(ready_from, last_end(spans));
    if (from < ev_.t) {
      Span& r = push_span(spans, SpanKind::Ready, from);
      r.begin_event = kNoEvent;
      r.end = ev_.t;
      r.end_event = idx_;
      if (starved) r.flags |= kSpanStarved;
    }
    Span& step = push_span(spans, SpanKind::Step, ev_.t);
    step.label = lane(task).detail;
    if (r_.line > 0) lane(task).user_code = true;
    if (valid(loop)) {
      Span& on_loop = push_span(lane(loop).spans, SpanKind::Step, ev_.t);
      on_loop.target = task;
      on_loop.label = lane(task).detail;
    }
    if (valid(ev_.other)) add_link(LinkKind::Woke, ev_.other, ready, task, ev_.t);
    if (why == WakeWhy::Timer) {
      // A timer ending a sleep needs no arrow (the sleep's label says it); a timer that
      // resolved something else (call_later(..., future.set_result)) is who woke the task.
      if (!slept) add_link(LinkKind::TimerFired, loop, ready_from, task, ev_.t);
      if (starved) add_instant(task, InstantKind::TimerLate, str("timer fired " + format_ms(r_.late) + " late"), 0);
    }
    resume_gen_chain(task);
  }

  // Ends the task's step on its lane and on the loop lane.
  Span* end_step(LaneId task) {
    Span* step = close_span(task, SpanKind::Step);
    const LaneId loop = loop_of(task);
    if (valid(loop)) {
      Span* open = open_span_of(lane(loop).spans);
      if (open && open->kind == SpanKind::Step && open->target == task) close(*open, ev_.t, idx_);
    }
    return step;
  }

  void suspend() {
    const LaneId task = ev_.lane;
    ev_.text = str(r_.awaiting);
    ev_.sub = static_cast<std::uint8_t>(code_of(r_.wait, kWait, WaitKind::Other));
    ev_.other = map_lane(r_.target);
    ev_.aux = r_.due;
    if (!valid(task)) return;
    end_step(task);
    Span& s = push_span(lane(task).spans, SpanKind::Suspended, ev_.t);
    s.label = ev_.text;
    s.target = ev_.other;
    if (r_.line > 0) lane(task).user_code = true;
    suspend_gen_chain(task);
  }

  void done() {
    const LaneId task = ev_.lane;
    const auto outcome = code_of(r_.outcome, kOutcome, Outcome::Result);
    ev_.text = str(r_.detail);
    ev_.sub = static_cast<std::uint8_t>(outcome);
    if (!valid(task)) return;
    const LaneId loop = loop_of(task);
    Span* loop_step = nullptr;
    if (valid(loop)) {
      Span* open = open_span_of(lane(loop).spans);
      if (open && open->kind == SpanKind::Step && open->target == task) loop_step = open;
    }
    const std::uint8_t flag = outcome == Outcome::Exception ? kSpanFailed
                            : outcome == Outcome::Cancelled ? kSpanCancelled : 0;
    if (loop_step) loop_step->flags |= flag;
    // A task cancelled before its first step ends without a step: close whatever is open.
    if (Span* open = open_span_of(lane(task).spans)) {
      open->flags |= flag;
      close(*open, ev_.t, idx_);
    }
    if (loop_step) close(*loop_step, ev_.t, idx_);
    lane(task).ended_at = idx_;
    lane(task).end_how = ev_.sub;
    add_instant(task, InstantKind::TaskDone, ev_.text, str(to_string(outcome)));
  }

  // --- the loop ---
  void open_loop_span(SpanKind kind, StrId label) {
    ev_.text = label;
    if (!valid(ev_.lane)) return;
    push_span(lane(ev_.lane).spans, kind, ev_.t).label = label;
  }

  void callback() {
    // Late only where the loop was busy with other work when the timer came due.
    const bool starved = r_.late > 0 && valid(ev_.lane) && starved_by_loop(lane(ev_.lane), ev_.t - r_.late, ev_.t);
    open_loop_span(SpanKind::Callback, str(r_.name));
    ev_.late = r_.late;
    if (starved) add_instant(ev_.lane, InstantKind::TimerLate, str("timer fired " + format_ms(r_.late) + " late"), 0);
  }

  void stall() {
    const LaneId task = map_lane(r_.task);
    ev_.other = task;
    ev_.aux = r_.since;
    ev_.text = str(r_.func);
    for (LaneId id : {task, ev_.lane}) {
      if (!valid(id)) continue;
      if (Span* open = open_span_of(lane(id).spans); open && open->kind != SpanKind::Idle)
        open->flags |= kSpanStalled;
    }
    add_instant(ev_.lane, InstantKind::Stall, ev_.text, 0);
  }

  // --- blocking calls ---
  void block() {
    ev_.text = str(r_.what);
    const LaneId id = ev_.lane;
    if (!valid(id)) return;
    Span& b = push_span(lane(id).overlays, SpanKind::Blocking, ev_.t);
    b.label = ev_.text;
    tr_.block_mirror_[static_cast<std::size_t>(id)] = kNoLane;
    // On the loop thread, the running task is the one that blocks: mirror it on its lane.
    if (lane(id).kind == LaneKind::Loop) {
      const Span* open = open_span_of(lane(id).spans);
      if (open && open->kind == SpanKind::Step && valid(open->target)) {
        const LaneId task = open->target;
        b.target = task;
        Span& copy = push_span(lane(task).overlays, SpanKind::Blocking, ev_.t);
        copy.label = ev_.text;
        copy.target = id;
        tr_.block_mirror_[static_cast<std::size_t>(id)] = task;
      }
    }
  }
  void block_end() {
    const LaneId id = ev_.lane;
    if (!valid(id)) return;
    if (Span* open = open_span_of(lane(id).overlays)) close(*open, ev_.t, idx_);
    const LaneId mirror = tr_.block_mirror_[static_cast<std::size_t>(id)];
    if (valid(mirror))
      if (Span* open = open_span_of(lane(mirror).overlays)) close(*open, ev_.t, idx_);
    tr_.block_mirror_[static_cast<std::size_t>(id)] = kNoLane;
  }

  // --- worker threads ---
  void job() {
    const LaneId worker = ev_.lane;
    ev_.text = str(r_.func);
    ev_.other = map_lane(r_.task);
    ev_.aux = r_.job;
    ev_.sub = r_.via == "run_in_executor" ? 1 : 0;
    if (!valid(worker)) return;
    Span& j = push_span(lane(worker).spans, SpanKind::Job, ev_.t);
    j.label = ev_.text;
    j.target = ev_.other;
    tr_.open_jobs_[r_.job] = worker;
    add_link(LinkKind::JobStart, ev_.other, ev_.t, worker, ev_.t);
  }
  void job_end() {
    const auto outcome = code_of(r_.outcome, kOutcome, Outcome::Result);
    ev_.sub = static_cast<std::uint8_t>(outcome);
    ev_.aux = r_.job;
    LaneId worker = ev_.lane;
    if (auto it = tr_.open_jobs_.find(r_.job); it != tr_.open_jobs_.end()) {
      if (!valid(worker)) worker = it->second;
      tr_.open_jobs_.erase(it);
    }
    Span* j = close_span(worker, SpanKind::Job);
    if (!j) return;
    if (outcome == Outcome::Exception) j->flags |= kSpanFailed;
    ev_.other = j->target;
    add_link(LinkKind::JobDone, worker, ev_.t, j->target, ev_.t);
  }

  // --- generators and user iterators ---
  // Each lane may be inside the frame of one traced stage (gen_child_): a task or main
  // driving a generator, a generator pulling from the previous stage. Following gen_child_
  // from a task gives the chain of its open stages, innermost last.
  LaneId& child_of(LaneId id) { return tr_.gen_child_[static_cast<std::size_t>(id)]; }

  // Closes the gen lane's open span if it is of `from` and opens one of `to` at this event.
  Span* switch_gen_span(LaneId gen, SpanKind from, SpanKind to) {
    if (!close_span(gen, from)) return nullptr;
    return &push_span(lane(gen).spans, to, ev_.t);
  }

  // The innermost open stage under `driver` (kNoLane if none). The depth guard only protects
  // against a corrupt stream making a cycle.
  LaneId innermost_stage(LaneId driver) {
    LaneId inner = kNoLane;
    for (LaneId at = child_of(driver), depth = 0; valid(at) && depth < 256; at = child_of(at), ++depth) inner = at;
    return inner;
  }

  // The task suspends: its innermost open stage is a frame waiting inside an await (the outer
  // stages already show that they pull from the next one).
  void suspend_gen_chain(LaneId task) {
    const LaneId inner = innermost_stage(task);
    if (!valid(inner)) return;
    if (Span* s = switch_gen_span(inner, SpanKind::GenRunning, SpanKind::GenAwaiting)) {
      s->label = ev_.text;
      s->target = ev_.other;
    }
  }
  // The task runs again: the awaiting stage resumes where it waited.
  void resume_gen_chain(LaneId task) {
    const LaneId inner = innermost_stage(task);
    if (!valid(inner)) return;
    if (Span* s = switch_gen_span(inner, SpanKind::GenAwaiting, SpanKind::GenRunning)) s->target = last_driver(inner);
  }
  LaneId last_driver(LaneId gen) { return tr_.last_driver_[static_cast<std::size_t>(gen)]; }

  void enter() {
    const LaneId gen = ev_.lane;
    const auto how = code_of(r_.how, kHow, GenHow::Resume);
    ev_.sub = static_cast<std::uint8_t>(how);
    ev_.other = map_lane(r_.from);
    if (!valid(gen)) return;
    const auto g = static_cast<std::size_t>(gen);
    close_span(gen, SpanKind::GenSuspended);
    Span& running = push_span(lane(gen).spans, SpanKind::GenRunning, ev_.t);
    running.target = ev_.other;
    tr_.iterator_call_[g] = how == GenHow::Call ? 1 : 0;
    if (valid(ev_.other)) {
      // The driver's frame is now inside this one: a driving stage stops running and pulls.
      if (lane(ev_.other).kind == LaneKind::Gen)
        if (Span* pulling = switch_gen_span(ev_.other, SpanKind::GenRunning, SpanKind::GenPulling)) {
          pulling->target = gen;
          pulling->line = 0;  // the record's line is the inner frame's
        }
      child_of(ev_.other) = gen;
      if (tr_.last_driver_[g] != ev_.other) add_link(LinkKind::Drove, ev_.other, ev_.t, gen, ev_.t);
      tr_.last_driver_[g] = ev_.other;
    }
  }
  void leave() {
    const LaneId gen = ev_.lane;
    auto how = code_of(r_.how, kHow, GenHow::Return);
    ev_.sub = static_cast<std::uint8_t>(how);
    ev_.other = map_lane(r_.from);
    ev_.text = str(r_.value);
    ev_.extra = str(r_.exc);
    if (!valid(gen)) return;
    const auto g = static_cast<std::size_t>(gen);
    // Whatever state the frame was in (running, or awaiting if a task ended around it), it
    // has left it now.
    if (Span* open = open_span_of(lane(gen).spans)) close(*open, ev_.t, idx_);
    child_of(gen) = kNoLane;
    const LaneId driver = valid(ev_.other) ? ev_.other : lane(gen).parent;
    if (valid(driver)) {
      lane(driver).user_code = true;  // it drives a stage of the user's script
      if (child_of(driver) == gen) child_of(driver) = kNoLane;
      // A stage that was pulling from this one runs again.
      if (lane(driver).kind == LaneKind::Gen)
        if (Span* running = switch_gen_span(driver, SpanKind::GenPulling, SpanKind::GenRunning)) {
          running->target = last_driver(driver);
          running->line = 0;  // the record's line is the inner frame's
        }
    }
    // An iterator's __next__ returning is the item it produces: drawn like a yield.
    const bool item = how == GenHow::Yield || (how == GenHow::Return && tr_.iterator_call_[g]);
    if (item) {
      // The value belongs to the lane that yielded it; the receiver only gets a mark.
      add_instant(gen, InstantKind::Yield, ev_.text, lane(gen).name);
      if (driver != gen) add_instant(driver, InstantKind::Receive, ev_.text, lane(gen).name);
      push_span(lane(gen).spans, SpanKind::GenSuspended, ev_.t).target = driver;
      return;
    }
    const InstantKind kind = how == GenHow::Raise ? InstantKind::GenRaise
                           : how == GenHow::Stop  ? InstantKind::GenStop
                           : how == GenHow::Close ? InstantKind::GenClose : InstantKind::GenReturn;
    add_instant(gen, kind, how == GenHow::Raise ? ev_.extra : ev_.text, lane(gen).name);
    lane(gen).ended_at = idx_;
    lane(gen).end_how = ev_.sub;
  }

  // --- output and problems ---
  void print() {
    ev_.text = str(r_.text);
    const bool err = r_.stream == "stderr";
    ev_.sub = static_cast<std::uint8_t>(err ? Stream::Stderr : Stream::Stdout);
    add_instant(ev_.lane, InstantKind::Print, ev_.text, str(err ? "stderr" : "stdout"));
    if (valid(ev_.lane)) lane(ev_.lane).user_code = true;
  }
  void exception() {
    std::string text(r_.type);
    if (!r_.message.empty()) text += ": " + std::string(r_.message);
    ev_.text = str(text);
    ev_.extra = str(r_.traceback);
    add_instant(ev_.lane, InstantKind::Exception, ev_.text, ev_.extra);
  }
  void warning() {
    ev_.text = str(r_.text);
    ev_.extra = str(r_.category);
    add_instant(ev_.lane, InstantKind::Warning, ev_.text, ev_.extra);
  }
};

bool Trace::ingest_record(const EventRecord& record) { return TraceBuilder(*this, record).apply(); }

void Trace::finish(EndStatus status, int exit_code, std::string message, int signal, Nanos end_time) {
  if (ended_) return;
  Event ev;
  ev.kind = EventKind::End;
  ev.t = std::max(events_.empty() ? 0 : events_.t(events_.size() - 1), end_time);
  ev.seq = events_.empty() ? 0 : events_.seq(events_.size() - 1) + 1;
  ev.sub = static_cast<std::uint8_t>(status);
  ev.aux = exit_code;
  ev.late = signal;
  ev.text = strings_.intern(message);
  const auto idx = static_cast<EventIndex>(events_.size());
  events_.push_back(ev);
  TraceBuilder::close_all(*this, ev.t, idx);
  info_.status = status;
  info_.exit_code = exit_code;
  info_.signal = signal;
  info_.end_message = std::move(message);
  ended_ = true;
}

}  // namespace loopscope
