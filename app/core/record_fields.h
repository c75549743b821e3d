// The fields of one stream record as the model holds it, in the order they are written: the
// one place that knows which fields each record kind has, shared by the writers of the event
// stream (JSON Lines, docs/trace-format.md) and of its compact copy inside a Chrome export
// (core/compact_stream.h).
#pragma once

#include <string_view>
#include <utility>

#include "core/trace_model.h"

namespace loopscope {

// A Sink receives the fields of a record after `seq`, `t` and `ev` (which the caller writes):
//   sink.num(key, int)       a number
//   sink.time(key, ns)       a point in time (ns since the run started, as `t` is)
//   sink.lane(key, lane)     a lane id, kNoLane (-1) when it names no lane
//   sink.text(key, string)
// Optional fields that are not set (a `late` of 0, an empty `value`) are not passed at all.
namespace record_fields_detail {

// Splits "Type: message" back into the record's two fields.
inline std::pair<std::string_view, std::string_view> split_exception(std::string_view text) {
  const auto colon = text.find(": ");
  if (colon == std::string_view::npos) return {text, {}};
  return {text.substr(0, colon), text.substr(colon + 2)};
}

inline bool has_lane_field(EventKind kind) {
  return kind != EventKind::Hello && kind != EventKind::Exit && kind != EventKind::Note && kind != EventKind::End;
}

}  // namespace record_fields_detail

template <class Sink>
void visit_record_fields(const Trace& trace, const Event& ev, Sink& sink) {
  using namespace record_fields_detail;
  auto s = [&](StrId id) { return trace.str(id); };
  if (has_lane_field(ev.kind)) sink.lane("lane", ev.lane);
  switch (ev.kind) {
    case EventKind::Hello: {
      const auto& info = trace.info();
      sink.num("version", 1);
      sink.text("python", info.python_version);
      sink.text("impl", info.impl);
      sink.text("script", info.script);
      sink.num("pid", info.pid);
      sink.num("stall_ms", info.stall_ms);
      break;
    }
    case EventKind::Exit:
      sink.num("code", ev.aux);
      sink.text("how", to_string(static_cast<ExitHow>(ev.sub)));
      break;
    case EventKind::Note:
      sink.text("text", s(ev.text));
      if (ev.aux > 0) sink.num("budget", ev.aux);
      break;
    case EventKind::End:
      sink.text("status", to_string(static_cast<EndStatus>(ev.sub)));
      sink.num("code", ev.aux);
      sink.num("signal", ev.late);
      sink.text("message", s(ev.text));
      break;
    case EventKind::Lane: {
      const auto kind = static_cast<LaneKind>(ev.sub);
      sink.text("kind", to_string(kind));
      sink.text("name", s(ev.text));
      if (kind == LaneKind::Task) sink.text("coro", s(ev.extra));
      if (kind == LaneKind::Thread) sink.text("thread", s(ev.extra));
      if (kind == LaneKind::Gen) sink.text("obj", s(ev.extra));
      if (kind == LaneKind::Task || kind == LaneKind::Gen) sink.lane("parent", ev.other);
      if (const Lane* lane = trace.lane(ev.lane); kind == LaneKind::Task && lane && lane->loop != kNoLane)
        sink.lane("loop", lane->loop);
      break;
    }
    case EventKind::Rename: sink.text("name", s(ev.text)); break;
    case EventKind::Run:
      sink.time("ready", ev.aux);
      sink.lane("by", ev.other);
      sink.text("why", to_string(static_cast<WakeWhy>(ev.sub)));
      if (ev.late) sink.num("late", ev.late);
      break;
    case EventKind::Suspend:
      sink.text("awaiting", s(ev.text));
      sink.text("wait", to_string(static_cast<WaitKind>(ev.sub)));
      sink.lane("target", ev.other);
      if (ev.aux) sink.time("due", ev.aux);
      break;
    case EventKind::Done:
      sink.text("outcome", to_string(static_cast<Outcome>(ev.sub)));
      sink.text("detail", s(ev.text));
      break;
    case EventKind::Callback:
      sink.text("name", s(ev.text));
      if (ev.late) sink.num("late", ev.late);
      break;
    case EventKind::Idle: sink.num("timeout", ev.aux); break;
    case EventKind::IdleEnd: sink.num("events", ev.aux); break;
    case EventKind::Stall:
      sink.lane("task", ev.other);
      sink.time("since", ev.aux);
      sink.text("func", s(ev.text));
      break;
    case EventKind::Block: sink.text("what", s(ev.text)); break;
    case EventKind::Job:
      sink.num("job", ev.aux);
      sink.text("func", s(ev.text));
      sink.lane("task", ev.other);
      sink.text("via", ev.sub ? "run_in_executor" : "to_thread");
      break;
    case EventKind::JobEnd:
      sink.num("job", ev.aux);
      sink.text("outcome", to_string(static_cast<Outcome>(ev.sub)));
      break;
    case EventKind::Enter:
      sink.lane("from", ev.other);
      sink.text("how", to_string(static_cast<GenHow>(ev.sub)));
      break;
    case EventKind::Leave:
      sink.lane("from", ev.other);
      sink.text("how", to_string(static_cast<GenHow>(ev.sub)));
      if (ev.text) sink.text("value", s(ev.text));
      if (ev.extra) sink.text("exc", s(ev.extra));
      break;
    case EventKind::Print:
      sink.text("stream", ev.sub ? "stderr" : "stdout");
      sink.text("text", s(ev.text));
      break;
    case EventKind::Exception: {
      const auto [type, message] = split_exception(s(ev.text));
      sink.text("type", type);
      sink.text("message", message);
      sink.text("traceback", s(ev.extra));
      break;
    }
    case EventKind::Warning:
      sink.text("category", s(ev.extra));
      sink.text("text", s(ev.text));
      break;
    default: break;
  }
  if (ev.line != 0) sink.num("line", ev.line);
}

}  // namespace loopscope
