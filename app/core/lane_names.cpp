#include "core/lane_names.h"

#include <algorithm>
#include <map>

namespace loopscope {

namespace {

std::string base_title(const Trace& trace, const Lane& lane) {
  const std::string name(trace.str(lane.name));
  const std::string detail(trace.str(lane.detail));
  switch (lane.kind) {
    case LaneKind::Main: return "top-level code";
    case LaneKind::Loop: return name == "loop" || name.empty() ? "event loop" : "event " + name;
    case LaneKind::Task: {
      if (!is_default_task_name(name) || detail.empty()) return name;
      // A long qualified coroutine (RequestResponseCycle.run_asgi) is known by its own name.
      const auto dot = detail.rfind('.');
      return detail.size() > 20 && dot != std::string::npos ? detail.substr(dot + 1) : detail;
    }
    case LaneKind::Thread: return name.empty() ? detail : name;
    case LaneKind::Gen: return name;
  }
  return name;
}

std::string subtitle_of(const Trace& trace, const Lane& lane) {
  const std::string name(trace.str(lane.name));
  const std::string detail(trace.str(lane.detail));
  switch (lane.kind) {
    case LaneKind::Main: return "main thread";
    case LaneKind::Loop: return "callbacks and task steps";
    case LaneKind::Task: return is_default_task_name(name) ? name + " \xC2\xB7 " + detail + "()" : detail + "()";
    case LaneKind::Thread: return "worker thread";
    case LaneKind::Gen:
      if (detail == "async_generator") return "async generator";
      if (detail == "async_iterator") return "async iterator";
      return detail;
  }
  return detail;
}

}  // namespace

bool is_default_task_name(std::string_view name) {
  if (name.substr(0, 5) != "Task-" || name.size() == 5) return false;
  return std::all_of(name.begin() + 5, name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void LaneNames::refresh(const Trace& trace) {
  std::size_t renames = 0;
  const auto& events = trace.events();
  if (trace.lanes().size() == lanes_seen_ && events.size() == events_seen_) return;
  // Fewer events than last time: another trace (a new run), whatever its lanes are called.
  const bool replaced = events.size() < events_seen_;
  if (replaced) events_seen_ = 0;
  events.visit_kinds(events_seen_, events.size(), {EventKind::Rename}, [&](std::size_t) { ++renames; });
  const bool changed = replaced || trace.lanes().size() != lanes_seen_ || renames > 0;
  events_seen_ = events.size();
  if (!changed) return;
  lanes_seen_ = trace.lanes().size();
  titles_.clear();
  subtitles_.clear();
  std::map<std::string, int> total, seen;
  for (const Lane& lane : trace.lanes()) {
    titles_.push_back(base_title(trace, lane));
    subtitles_.push_back(subtitle_of(trace, lane));
    ++total[titles_.back()];
  }
  for (std::string& title : titles_)
    if (total[title] > 1) title += " #" + std::to_string(++seen[title]);
}

std::string lane_title_or_name(const Trace& trace, LaneId lane, const LaneNames* names, std::string_view otherwise) {
  if (!trace.lane_ok(lane)) return std::string(otherwise);
  return names ? names->title(lane) : std::string(trace.lane_name(lane));
}

const std::string& LaneNames::title(LaneId lane) const {
  static const std::string none = "?";
  return lane >= 0 && static_cast<std::size_t>(lane) < titles_.size() ? titles_[static_cast<std::size_t>(lane)] : none;
}

const std::string& LaneNames::subtitle(LaneId lane) const {
  static const std::string none;
  return lane >= 0 && static_cast<std::size_t>(lane) < subtitles_.size() ? subtitles_[static_cast<std::size_t>(lane)] : none;
}

}  // namespace loopscope
