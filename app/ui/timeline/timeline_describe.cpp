#include "ui/timeline/timeline_describe.h"

#include <algorithm>
#include <cstdio>

#include "core/time_axis.h"

namespace loopscope {

namespace {

std::string lane_name(const Trace& trace, LaneId lane) { return trace.lane_ok(lane) ? trace.display_name(lane) : "?"; }

std::string short_name(const Trace& trace, LaneId lane) { return std::string(trace.lane_name(lane)); }

std::string with_line(std::string text, std::int32_t line) {
  if (line > 0) text += "  line " + std::to_string(line);
  return text;
}

}  // namespace

namespace {

// Whether a gen lane is an iterator object (a class with __next__/__anext__).
bool is_iterator(const Trace& trace, const Lane& lane) {
  const std::string_view obj = trace.str(lane.detail);
  return obj == "iterator" || obj == "async_iterator";
}

}  // namespace

// The late timer that ended a Ready span (none if it was not a late timer).
std::optional<Event> late_timer_run(const Trace& trace, const Span& ready) {
  if (ready.kind != SpanKind::Ready || ready.end_event >= trace.events().size()) return std::nullopt;
  const Event run = trace.events()[ready.end_event];
  if (run.kind == EventKind::Run && static_cast<WakeWhy>(run.sub) == WakeWhy::Timer && run.late > 0) return run;
  return std::nullopt;
}

std::string span_label(const Trace& trace, const Lane& lane, const Span& span) {
  const std::string label(trace.str(span.label));
  switch (span.kind) {
    case SpanKind::Step:
      if (lane.kind == LaneKind::Loop) return short_name(trace, span.target);
      return label;
    case SpanKind::Suspended: return label;
    case SpanKind::Ready: return "ready";
    case SpanKind::Callback: return label;
    case SpanKind::Idle: return "idle";
    case SpanKind::Blocking: return with_line(label.empty() ? "blocking" : label, span.line);
    case SpanKind::Job: return label;
    case SpanKind::GenRunning: return "running";
    case SpanKind::GenSuspended: return "";
    case SpanKind::GenAwaiting: return label;
    case SpanKind::GenPulling: return "pulling from " + short_name(trace, span.target);
  }
  return label;
}

std::string repeated_label(std::string_view label, std::size_t count) {
  const auto detail = label.find("  ");
  const std::string_view head = label.substr(0, detail);
  const std::string_view rest = detail == std::string_view::npos ? std::string_view() : label.substr(detail);
  return std::string(head) + " \u00d7" + std::to_string(count) + std::string(rest);
}

std::string span_title(const Trace& trace, const Lane& lane, const Span& span) {
  const std::string label(trace.str(span.label));
  switch (span.kind) {
    case SpanKind::Step:
      if (lane.kind == LaneKind::Loop) return "running " + lane_name(trace, span.target);
      return "running (a step of " + std::string(trace.str(lane.name)) + ")";
    case SpanKind::Suspended: return "suspended, awaiting " + (label.empty() ? std::string("?") : label);
    case SpanKind::Ready:
      return late_timer_run(trace, span) ? "ready: its timer was due, but the loop was busy"
                                         : "ready, waiting for the loop to run it";
    case SpanKind::Callback: return "callback " + label;
    case SpanKind::Idle: return "idle: the loop waits for I/O or timers";
    case SpanKind::Blocking: return "BLOCKING: " + (label.empty() ? std::string("a blocking call") : label);
    case SpanKind::Job: return "worker job " + label;
    case SpanKind::GenRunning: return "running its own code";
    case SpanKind::GenSuspended:
      return is_iterator(trace, lane) ? "idle between two __next__ calls (the object keeps its state)"
                                      : "paused at a yield (the frame keeps its locals)";
    case SpanKind::GenAwaiting: return "awaiting " + (label.empty() ? std::string("?") : label) + " inside its frame";
    case SpanKind::GenPulling: return "pulling from " + lane_name(trace, span.target) + ": inside its next()";
  }
  return label;
}

std::string span_tooltip(const Trace& trace, const Lane& lane, const Span& span, Nanos open_end) {
  std::string text = span_title(trace, lane, span);
  text += "\non " + lane_name(trace, lane.id);
  const bool open = span.end == kOpenEnd;
  const Nanos end = open ? std::max(open_end, span.start) : span.end;
  text += "\nfrom " + format_time(span.start) + (open ? " (still going)" : " to " + format_time(end)) + "  (" +
          format_duration(static_cast<double>(end - span.start)) + ")";
  if (span.line > 0) {
    text += span.kind == SpanKind::Suspended ? "\nawait on line " : "\nline ";
    text += std::to_string(span.line);
  }
  if (span.kind == SpanKind::Job && span.target != kNoLane) text += "\nawaited by " + lane_name(trace, span.target);
  if ((span.kind == SpanKind::Suspended || span.kind == SpanKind::GenAwaiting) && span.target != kNoLane)
    text += "\nwaits for " + lane_name(trace, span.target);
  if ((span.kind == SpanKind::GenRunning || span.kind == SpanKind::GenSuspended) && span.target != kNoLane)
    text += "\ndriven by " + lane_name(trace, span.target);
  if (span.kind == SpanKind::Blocking && span.target != kNoLane) text += "\nwhile running " + lane_name(trace, span.target);
  if (const auto run = late_timer_run(trace, span)) {
    text += "\nits timer fired " + format_duration(static_cast<double>(run->late)) +
            " late: the loop was running other work, so the task was starved";
  }
  if (span.flags & kSpanStalled) text += "\nSTALLED the loop: nothing else could run";
  if (span.flags & kSpanFailed) text += "\nended with an exception";
  if (span.flags & kSpanCancelled) text += "\ncancelled";
  return text;
}

std::string merged_tooltip(const Lane& lane, std::uint32_t count, Nanos start, Nanos end, const Trace& trace) {
  return std::to_string(count) + " short spans (zoom in to see them)\non " + lane_name(trace, lane.id) + "\nfrom " +
         format_time(start) + " to " + format_time(end) + "  (" + format_duration(static_cast<double>(end - start)) + ")";
}

std::string instant_label(const Trace& trace, const Instant& instant) {
  const std::string text(trace.str(instant.text));
  switch (instant.kind) {
    case InstantKind::Print: return text;
    case InstantKind::Yield: return text;
    case InstantKind::GenReturn: return text.empty() ? "return" : "return " + text;
    case InstantKind::GenRaise: return "raise " + text;
    case InstantKind::GenStop: return "StopIteration";
    case InstantKind::GenClose: return "close()";
    case InstantKind::TimerLate: {
      const auto& events = trace.events();
      if (instant.event < events.size() && events[instant.event].late > 0) {
        return "+" + format_duration(static_cast<double>(events[instant.event].late)) + " late";
      }
      return "late";
    }
    case InstantKind::Stall: return "stall";
    case InstantKind::Warning: return text;
    case InstantKind::Exception: return text;
    case InstantKind::Note: return text;
    case InstantKind::TaskCreated: return "";
    case InstantKind::TaskDone: return text;
    case InstantKind::Receive: return "";
  }
  return text;
}

namespace {

const char* instant_kind_name(InstantKind kind) {
  switch (kind) {
    case InstantKind::Print: return "print";
    case InstantKind::Yield: return "yield";
    case InstantKind::GenReturn: return "return";
    case InstantKind::GenRaise: return "raised";
    case InstantKind::GenStop: return "stopped (StopIteration)";
    case InstantKind::GenClose: return "closed";
    case InstantKind::TimerLate: return "timer fired late";
    case InstantKind::Stall: return "loop stalled";
    case InstantKind::Warning: return "warning";
    case InstantKind::Exception: return "uncaught exception";
    case InstantKind::Note: return "note";
    case InstantKind::TaskCreated: return "task created";
    case InstantKind::TaskDone: return "task finished";
    case InstantKind::Receive: return "received";
  }
  return "event";
}

}  // namespace

std::string instant_tooltip(const Trace& trace, const Lane& lane, const Instant& instant) {
  std::string text = instant_kind_name(instant.kind);
  const std::string body(trace.str(instant.text));
  const std::string extra(trace.str(instant.extra));
  switch (instant.kind) {
    case InstantKind::Print:
      text += extra == "stderr" ? " (stderr): " : ": ";
      text += body;
      break;
    case InstantKind::Yield:
      text += " " + body;
      if (!extra.empty()) text += "\nby " + extra;
      break;
    case InstantKind::Receive:
      text += " " + body;
      if (!extra.empty()) text += "\nfrom " + extra;
      break;
    case InstantKind::Exception:
      text += ": " + body;
      if (!extra.empty()) text += "\n" + extra;
      break;
    case InstantKind::Warning:
      text += (extra.empty() ? ": " : " (" + extra + "): ") + body;
      break;
    case InstantKind::TaskDone:
      text += extra.empty() ? "" : " (" + extra + ")";
      if (!body.empty()) text += ": " + body;
      break;
    default:
      if (!body.empty()) text += ": " + body;
  }
  text += "\non " + lane_name(trace, lane.id) + " at " + format_time(instant.t);
  if (instant.line > 0) text += "\nline " + std::to_string(instant.line);
  return text;
}

std::string cluster_tooltip(const Trace& trace, const Lane& lane, std::uint32_t first, std::uint32_t count) {
  std::string text = std::to_string(count) + " events close together (zoom in):";
  const std::uint32_t shown = std::min<std::uint32_t>(count, 8);
  for (std::uint32_t i = 0; i < shown && first + i < lane.instants.size(); ++i) {
    const Instant& in = lane.instants[first + i];
    std::string line = instant_kind_name(in.kind);
    const std::string label = instant_label(trace, in);
    if (!label.empty()) line += " " + label;
    if (line.size() > 70) line = line.substr(0, 67) + "...";
    text += "\n  " + line;
  }
  if (count > shown) text += "\n  ... and " + std::to_string(count - shown) + " more";
  return text;
}

}  // namespace loopscope
