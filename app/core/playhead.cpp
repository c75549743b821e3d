#include "core/playhead.h"

#include <algorithm>

namespace loopscope {

bool passes(const Event& event, StepFilter filter) {
  switch (filter) {
    case StepFilter::All:
      return true;
    case StepFilter::TaskSwitches:
      switch (event.kind) {
        case EventKind::Run:
        case EventKind::Suspend:
        case EventKind::Done:
        case EventKind::Job:
        case EventKind::JobEnd:
          return true;
        default:
          return false;
      }
    case StepFilter::MyCode:
      return event.line > 0;
  }
  return true;
}

const char* step_filter_name(StepFilter filter) {
  switch (filter) {
    case StepFilter::All: return "all events";
    case StepFilter::TaskSwitches: return "task switches";
    case StepFilter::MyCode: return "my code";
  }
  return "";
}

void Playhead::set_pace(const Pace& pace) {
  pace_ = pace;
  pace_.events_per_second = std::clamp(pace_.events_per_second, 0.5, 1000.0);
  pace_.speed = std::clamp(pace_.speed, 0.1, 4.0);
}

void Playhead::reset() {
  pos_ = kNoEvent;
  playing_ = false;
  carry_ = 0;
  clock_ns_ = 0;
}

bool Playhead::move_to(EventIndex index) {
  const bool changed = index != pos_;
  pos_ = index;
  return changed;
}

bool Playhead::seek(Events events, EventIndex index) {
  stop_auto();
  if (events.empty()) return move_to(kNoEvent);
  return move_to(std::min<EventIndex>(index, static_cast<EventIndex>(events.size() - 1)));
}

bool Playhead::step(Events events, int direction) { return step(events, direction, filter_); }

bool Playhead::step(Events events, int direction, StepFilter filter) {
  stop_auto();
  if (events.empty()) return move_to(kNoEvent);
  const auto n = static_cast<std::int64_t>(events.size());
  std::int64_t i = pos_ == kNoEvent ? (direction > 0 ? -1 : n) : std::min<std::int64_t>(pos_, n - 1);
  const int d = direction >= 0 ? 1 : -1;
  for (i += d; i >= 0 && i < n; i += d) {
    if (passes(events[static_cast<std::size_t>(i)], filter)) return move_to(static_cast<EventIndex>(i));
  }
  return false;  // nothing further that way: stay put
}

bool Playhead::jump_in_lane(Events events, LaneId lane, int direction) {
  stop_auto();
  if (events.empty() || lane == kNoLane) return false;
  const auto n = static_cast<std::int64_t>(events.size());
  std::int64_t i = pos_ == kNoEvent ? (direction > 0 ? -1 : n) : std::min<std::int64_t>(pos_, n - 1);
  const int d = direction >= 0 ? 1 : -1;
  for (i += d; i >= 0 && i < n; i += d) {
    const Event& e = events[static_cast<std::size_t>(i)];
    // An event belongs to a lane when it is on it, or (a stall, a job) names it as `other`.
    if (e.lane == lane || (e.other == lane && (e.kind == EventKind::Stall || e.kind == EventKind::Job))) {
      return move_to(static_cast<EventIndex>(i));
    }
  }
  return false;
}

bool Playhead::first(Events events) { return seek(events, 0); }

bool Playhead::last(Events events) {
  const bool follow = follow_live_;  // End does not end following
  const bool changed = seek(events, events.empty() ? 0 : static_cast<EventIndex>(events.size() - 1));
  follow_live_ = follow;
  return changed;
}

bool Playhead::scrub(Events events, Nanos t) {
  stop_auto();
  if (events.empty()) return move_to(kNoEvent);
  // First event at or after t, then whichever neighbour is closer (ties go earlier).
  std::size_t i = 0, hi = events.size();
  while (i < hi) {
    const std::size_t mid = i + (hi - i) / 2;
    if (events.t(mid) < t) i = mid + 1;
    else hi = mid;
  }
  if (i == events.size()) {
    i = events.size() - 1;
  } else if (i > 0 && t - events.t(i - 1) <= events.t(i) - t) {
    i = i - 1;
    // Several events can share a time: land on the first of them.
    while (i > 0 && events.t(i - 1) == events.t(i)) --i;
  }
  return move_to(static_cast<EventIndex>(i));
}

void Playhead::start_clock(Events events) {
  carry_ = 0;
  clock_ns_ = pos_ == kNoEvent || events.empty() ? 0.0 : static_cast<double>(events.t(pos_));
}

void Playhead::play(Events events) {
  if (events.empty()) return;
  follow_live_ = false;
  if (pos_ == kNoEvent || pos_ + 1 >= events.size()) pos_ = 0;  // replay from the start
  playing_ = true;
  start_clock(events);
}

void Playhead::toggle_play(Events events) {
  if (playing_) {
    pause();
  } else {
    play(events);
  }
}

bool Playhead::update(Events events, double dt_seconds) {
  if (events.empty()) {
    playing_ = false;
    return move_to(kNoEvent);
  }
  const auto last_index = static_cast<EventIndex>(events.size() - 1);
  if (follow_live_) return move_to(last_index);
  bool changed = false;
  if (pos_ == kNoEvent || pos_ > last_index) changed = move_to(last_index);
  if (!playing_) return changed;
  dt_seconds = std::clamp(dt_seconds, 0.0, 0.25);  // a hitch must not skip half the run

  if (pace_.mode == PaceMode::EventsPerSecond) {
    carry_ += dt_seconds * pace_.events_per_second;
    while (carry_ >= 1.0 && playing_) {
      carry_ -= 1.0;
      EventIndex i = pos_;
      while (i < last_index && !passes(events[++i], filter_)) {}
      if (i == pos_ || !passes(events[i], filter_)) {  // nothing further passes the filter
        playing_ = false;
        break;
      }
      changed |= move_to(i);
    }
  } else {
    // Real time: the last event (passing the filter) with t <= the playback clock.
    clock_ns_ += dt_seconds * 1e9 * pace_.speed;
    EventIndex i = pos_;
    while (i < last_index && static_cast<double>(events.t(i + 1)) <= clock_ns_) {
      ++i;
      if (passes(events[i], filter_)) changed |= move_to(i);
    }
    if (i == last_index) playing_ = false;
  }
  if (pos_ == last_index) playing_ = false;
  return changed;
}

}  // namespace loopscope
