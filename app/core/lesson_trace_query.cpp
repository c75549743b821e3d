#include "core/lesson_trace_query.h"

#include <functional>

#include <algorithm>
#include <cstdlib>

#include "core/lesson_checks.h"

namespace loopscope::checks {

const char* lane_kind_name(LaneKind kind) {
  switch (kind) {
    case LaneKind::Main: return "main";
    case LaneKind::Loop: return "loop";
    case LaneKind::Task: return "task";
    case LaneKind::Thread: return "thread";
    case LaneKind::Gen: return "gen";
  }
  return "?";
}

std::string gen_how_name(std::uint8_t sub) {
  static const char* names[] = {"start", "resume", "call", "yield", "return", "raise", "stop", "close"};
  return sub < std::size(names) ? names[sub] : "?";
}

std::string outcome_name(std::uint8_t sub) {
  static const char* names[] = {"result", "exception", "cancelled"};
  return sub < std::size(names) ? names[sub] : "?";
}

std::string why_name(std::uint8_t sub) {
  return std::string(to_string(static_cast<WakeWhy>(sub)));
}

std::string end_status_name(EndStatus status) {
  static const char* names[] = {"running", "finished", "failed", "stopped", "timeout", "crashed", "tracer-error"};
  auto i = static_cast<std::size_t>(status);
  return i < std::size(names) ? names[i] : "?";
}

double sleep_seconds(std::string_view label) {
  constexpr std::string_view prefix = "sleep(";
  if (label.substr(0, prefix.size()) != prefix) return 0;
  std::string number(label.substr(prefix.size()));
  return std::strtod(number.c_str(), nullptr);
}

std::string Query::lane_name(LaneId lane) const {
  if (lane < 0 || static_cast<std::size_t>(lane) >= trace.lanes().size()) return "?";
  std::string name(trace.str(trace.lanes()[lane].name));
  return name.empty() ? trace.display_name(lane) : name;
}

bool Query::lane_matches(LaneId lane, const std::string& pattern) const {
  if (pattern.empty()) return true;
  if (lane < 0 || static_cast<std::size_t>(lane) >= trace.lanes().size()) return false;
  const Lane& l = trace.lanes()[lane];
  std::string_view name = trace.str(l.name);
  if (glob_match(pattern, name) || glob_match(pattern, trace.str(l.detail)) ||
      glob_match(pattern, trace.display_name(lane)))
    return true;
  // Generators are named "numbers()"; let lessons write "numbers".
  auto paren = name.find('(');
  return paren != std::string_view::npos && glob_match(pattern, name.substr(0, paren));
}

bool Query::lane_ok(LaneId lane, const std::string& pattern, const std::string& kind) const {
  if (!lane_matches(lane, pattern)) return false;
  if (kind.empty()) return true;
  if (lane < 0 || static_cast<std::size_t>(lane) >= trace.lanes().size()) return false;
  return kind == lane_kind_name(trace.lanes()[lane].kind);
}

std::vector<LaneId> Query::lanes_matching(const std::string& pattern, const std::string& kind) const {
  std::vector<LaneId> out;
  for (std::size_t i = 0; i < trace.lanes().size(); ++i)
    if (lane_ok(static_cast<LaneId>(i), pattern, kind)) out.push_back(static_cast<LaneId>(i));
  return out;
}

LaneKind Query::kind_of(LaneId lane) const {
  if (lane < 0 || static_cast<std::size_t>(lane) >= trace.lanes().size()) return LaneKind::Main;
  return trace.lanes()[lane].kind;
}

bool Query::is_iterator(LaneId lane) const {
  if (kind_of(lane) != LaneKind::Gen) return false;
  std::string_view obj = trace.str(trace.lanes()[lane].detail);
  return obj == "iterator" || obj == "async_iterator";
}

std::vector<Event> Query::stdout_lines(const std::string& pattern) const {
  std::vector<Event> out;
  for (const Event& e : events())
    if (e.kind == EventKind::Print && e.sub == static_cast<std::uint8_t>(Stream::Stdout) &&
        glob_match(pattern, trace.str(e.text)))
      out.push_back(e);
  return out;
}

std::vector<Event> Query::prints(const std::string& pattern) const {
  std::vector<Event> out;
  for (const Event& e : events())
    if (e.kind == EventKind::Print && glob_match(pattern, trace.str(e.text))) out.push_back(e);
  return out;
}

FoundEvent Query::first_matching(EventKind kind, const std::function<bool(const Event&)>& wanted) const {
  const EventList& all = events();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all.kind(i) != kind) continue;
    const Event e = all[i];
    if (wanted(e)) return {static_cast<EventIndex>(i), e};
  }
  return {};
}

FoundEvent Query::first_print(const std::string& pattern) const {
  return first_matching(EventKind::Print, [&](const Event& e) { return glob_match(pattern, trace.str(e.text)); });
}

FoundEvent Query::first_run(const std::string& task) const {
  return first_matching(EventKind::Run, [&](const Event& e) { return lane_ok(e.lane, task, "task"); });
}

FoundEvent Query::first_done(const std::string& task) const {
  return first_matching(EventKind::Done, [&](const Event& e) { return lane_ok(e.lane, task, "task"); });
}

std::vector<Interval> Query::busy_intervals_of(LaneId lane) const {
  std::vector<Interval> out;
  if (lane < 0 || static_cast<std::size_t>(lane) >= trace.lanes().size()) return out;
  const Nanos end = trace.end_time();
  switch (trace.lanes()[lane].kind) {
    case LaneKind::Main:
    case LaneKind::Loop:
      out.emplace_back(0, end);
      break;
    case LaneKind::Task:
    case LaneKind::Gen: {
      Nanos from = -1, to = -1;
      for (const Event& e : events()) {
        if (e.lane != lane) continue;
        if (from < 0 && (e.kind == EventKind::Run || e.kind == EventKind::Enter)) from = e.t;
        if (e.kind == EventKind::Done || e.kind == EventKind::Leave) to = e.t;
      }
      if (from >= 0) out.emplace_back(from, to >= from ? to : end);
      break;
    }
    case LaneKind::Thread: {
      Nanos from = -1;
      for (const Event& e : events()) {
        if (e.lane != lane) continue;
        if (e.kind == EventKind::Job) from = e.t;
        if (e.kind == EventKind::JobEnd && from >= 0) out.emplace_back(from, e.t), from = -1;
      }
      if (from >= 0) out.emplace_back(from, end);
      break;
    }
  }
  return out;
}

std::vector<Interval> Query::busy_intervals(const std::string& pattern, const std::string& kind) const {
  std::vector<Interval> out;
  for (LaneId lane : lanes_matching(pattern, kind)) {
    auto more = busy_intervals_of(lane);
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

bool Query::task_span(Nanos& from, Nanos& to) const {
  bool any = false;
  for (const Event& e : events()) {
    if (e.lane < 0 || static_cast<std::size_t>(e.lane) >= trace.lanes().size()) continue;
    if (trace.lanes()[e.lane].kind != LaneKind::Task) continue;
    if (e.kind == EventKind::Run && !any) from = e.t, any = true;
    if (e.kind == EventKind::Done) to = e.t;
  }
  return any && to >= from;
}

}  // namespace loopscope::checks
