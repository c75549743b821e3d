// Lookups the lesson checks share: lanes by name pattern and kind, prints, first run/done of
// a task, and when each lane was busy. Internal to lesson_checks.cpp and lesson_catalog.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/trace_model.h"

namespace loopscope::checks {

using Interval = std::pair<Nanos, Nanos>;

// An event a query found: its index and its record (the model hands out events as values).
struct FoundEvent {
  EventIndex index = kNoEvent;
  Event event;
  explicit operator bool() const { return index != kNoEvent; }
  const Event* operator->() const { return &event; }
};

struct Query {
  const Trace& trace;

  const EventList& events() const { return trace.events(); }
  std::string lane_name(LaneId lane) const;
  // Empty pattern matches every lane. A pattern is matched (glob) against the lane's name,
  // its coroutine/thread/generator detail, its display name, and its name without "()".
  bool lane_matches(LaneId lane, const std::string& pattern) const;
  // lane_matches plus the lane kind ("main", "loop", "task", "thread", "gen"; empty: any).
  bool lane_ok(LaneId lane, const std::string& pattern, const std::string& kind) const;
  std::vector<LaneId> lanes_matching(const std::string& pattern, const std::string& kind) const;
  LaneKind kind_of(LaneId lane) const;  // Main for an unknown lane
  // An iterator object of the user's file (a class with __next__/__anext__): each call that
  // returns hands out one item, as a generator's yield does.
  bool is_iterator(LaneId lane) const;

  std::vector<Event> prints(const std::string& pattern) const;       // on either stream
  std::vector<Event> stdout_lines(const std::string& pattern) const; // on stdout only
  FoundEvent first_print(const std::string& pattern) const;
  FoundEvent first_run(const std::string& task) const;
  FoundEvent first_done(const std::string& task) const;

  // The first event of `kind` that is `wanted`.
  FoundEvent first_matching(EventKind kind, const std::function<bool(const Event&)>& wanted) const;

  // When a lane was busy: a task from its first step to its end, a worker during each job,
  // a generator from its first start to its last suspension, main and loop the whole run.
  std::vector<Interval> busy_intervals_of(LaneId lane) const;
  std::vector<Interval> busy_intervals(const std::string& pattern, const std::string& kind) const;
  // From the first task step to the last task end; false when no task ran.
  bool task_span(Nanos& from, Nanos& to) const;
};

const char* lane_kind_name(LaneKind kind);
std::string gen_how_name(std::uint8_t sub);
std::string outcome_name(std::uint8_t sub);
std::string why_name(std::uint8_t sub);  // run.why: "start", "timer", "future", ...
std::string end_status_name(EndStatus status);
// 0.25 for "sleep(0.25)"; 0 for any other label.
double sleep_seconds(std::string_view awaiting_label);

}  // namespace loopscope::checks
