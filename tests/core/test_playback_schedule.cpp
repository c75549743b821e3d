#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <vector>

#include "core/playback_schedule.h"

using namespace loopscope;

namespace {

constexpr Nanos ms = 1'000'000;

Event at(Nanos t, EventKind kind = EventKind::Run) {
  Event e;
  e.t = t;
  e.kind = kind;
  e.lane = 2;
  return e;
}

// How many frames show each step, in order of first appearance.
std::vector<std::pair<EventIndex, std::size_t>> runs_of(const std::vector<EventIndex>& frames) {
  std::vector<std::pair<EventIndex, std::size_t>> runs;
  for (const EventIndex f : frames) {
    if (runs.empty() || runs.back().first != f) runs.push_back({f, 0});
    ++runs.back().second;
  }
  return runs;
}

PlaybackPace pace(double fps, double speed, double min_step, double hold_start = 0.0, double hold_end = 0.0) {
  PlaybackPace p;
  p.fps = fps;
  p.speed = speed;
  p.min_step_s = min_step;
  p.hold_start_s = hold_start;
  p.hold_end_s = hold_end;
  return p;
}

}  // namespace

TEST_CASE("speed stretches the run's own time", "[schedule]") {
  // Steps at 0, 100 and 300 ms; at speed 0.5 each run second lasts two video seconds.
  const EventList events = {at(0), at(100 * ms), at(300 * ms)};
  const PlaybackSchedule s = schedule_playback(events, StepFilter::All, pace(10, 0.5, 0.0, 0.0, 1.0));
  // 0.2 s of step 0, 0.4 s of step 1, then the 1 s hold of step 2.
  const auto runs = runs_of(s.frames);
  REQUIRE(runs.size() == 3);
  CHECK(runs[0] == std::make_pair(EventIndex{0}, std::size_t{2}));
  CHECK(runs[1] == std::make_pair(EventIndex{1}, std::size_t{4}));
  CHECK(runs[2] == std::make_pair(EventIndex{2}, std::size_t{10}));
  CHECK(s.seconds() == Approx(1.6));
  CHECK(s.speed == 0.5);
}

TEST_CASE("steps close together are each held for the minimum dwell", "[schedule]") {
  // Three steps within a microsecond, then one a second later: at speed 1 the first three
  // would share one frame; with a 0.3 s dwell each is seen for 3 frames at 10 fps.
  const EventList events = {at(0), at(100), at(200), at(1000 * ms)};
  const PlaybackSchedule s = schedule_playback(events, StepFilter::All, pace(10, 1.0, 0.3));
  const auto runs = runs_of(s.frames);
  REQUIRE(runs.size() == 4);
  CHECK(runs[0].second == 3);
  CHECK(runs[1].second == 3);
  CHECK(runs[2].second == 10);  // the real second to the next step, longer than the dwell
  CHECK(runs[3].first == 3);
}

TEST_CASE("the first and last steps are held", "[schedule]") {
  const EventList events = {at(0), at(10 * ms), at(20 * ms)};
  const PlaybackSchedule s = schedule_playback(events, StepFilter::All, pace(20, 0.1, 0.0, 1.0, 2.0));
  const auto runs = runs_of(s.frames);
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].second == 20 + 2);  // the opening second plus its own 0.1 s
  CHECK(runs[1].second == 2);
  CHECK(runs[2].second == 40);
}

TEST_CASE("auto speed makes the playback last the target length", "[schedule]") {
  // 50 steps, unevenly spaced over about 1.8 s, with a cluster of steps 1 us apart.
  EventList events;
  Nanos t = 0;
  for (int i = 0; i < 50; ++i) {
    t += (i % 10 == 0) ? 400 * ms : (i % 3 == 0 ? 1000 : 5 * ms);
    events.push_back(at(t));
  }
  PlaybackPace p = pace(30, 0.0, 0.15, 1.0, 2.0);
  p.target_s = 12.0;
  const PlaybackSchedule s = schedule_playback(events, StepFilter::All, p);
  CHECK(s.seconds() == Approx(1.0 + 12.0 + 2.0).margin(2.0 / 30));
  CHECK(s.speed > 0.0);
  CHECK(s.speed < 1.0);  // slower than real time: 1.8 s of run over 12 s
  CHECK(s.min_step_s == 0.15);
  // Every step is seen, in order.
  const auto runs = runs_of(s.frames);
  REQUIRE(runs.size() == events.size());
  for (std::size_t i = 0; i < runs.size(); ++i) CHECK(runs[i].first == i);
  for (std::size_t i = 0; i + 1 < runs.size(); ++i) CHECK(runs[i].second >= 4);  // 0.15 s at 30 fps = 4.5 frames
}

TEST_CASE("auto speed shrinks the dwell when the steps alone would overrun the target", "[schedule]") {
  // 1000 steps 1 us apart: at 0.2 s each that is 200 s; the target is 10 s.
  EventList events;
  for (int i = 0; i < 1000; ++i) events.push_back(at(i * 1000));
  PlaybackPace p = pace(10, 0.0, 0.2, 0.0, 0.0);
  p.target_s = 10.0;
  const PlaybackSchedule s = schedule_playback(events, StepFilter::All, p);
  CHECK(s.min_step_s == Approx(10.0 / 999));
  CHECK(s.frames.size() == 101);  // 10 s and the last step's own frame
  // Frames advance through the run monotonically and reach its end.
  CHECK(std::is_sorted(s.frames.begin(), s.frames.end()));
  CHECK(s.frames.back() >= 990);
}

TEST_CASE("only steps passing the filter are shown", "[schedule]") {
  const EventList events = {at(0, EventKind::Hello), at(1 * ms, EventKind::Run), at(2 * ms, EventKind::Print),
                                     at(3 * ms, EventKind::Suspend), at(4 * ms, EventKind::Exit)};
  const PlaybackSchedule s = schedule_playback(events, StepFilter::TaskSwitches, pace(10, 0.01, 0.0, 0.0, 0.5));
  const std::set<EventIndex> shown(s.frames.begin(), s.frames.end());
  CHECK(shown == std::set<EventIndex>{1, 3});
  CHECK(s.steps == 2);
}

TEST_CASE("no steps, no frames", "[schedule]") {
  const EventList none;
  CHECK(schedule_playback(none, StepFilter::All, PlaybackPace{}).frames.empty());
  const EventList unlined = {at(0, EventKind::Hello)};
  CHECK(schedule_playback(unlined, StepFilter::MyCode, PlaybackPace{}).frames.empty());
}

TEST_CASE("a single step is held for both holds", "[schedule]") {
  const EventList one = {at(5 * ms)};
  const PlaybackSchedule s = schedule_playback(one, StepFilter::All, pace(10, 0.0, 0.2, 1.0, 2.0));
  CHECK(s.frames == std::vector<EventIndex>(30, 0));
}
