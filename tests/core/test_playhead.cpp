#include <catch2/catch.hpp>

#include <vector>

#include "core/playhead.h"

using namespace loopscope;

namespace {

Event ev(Nanos t, EventKind kind, LaneId lane, std::int32_t line = 0) {
  Event e;
  e.t = t;
  e.kind = kind;
  e.lane = lane;
  e.line = line;
  return e;
}

// Two tasks (lanes 2, 3) on a loop (lane 1), times in ms.
EventList two_tasks() {
  constexpr Nanos ms = 1'000'000;
  return {
      ev(0, EventKind::Hello, kNoLane),          // 0
      ev(0, EventKind::Lane, 0),                 // 1
      ev(1 * ms, EventKind::Run, 2, 5),          // 2
      ev(2 * ms, EventKind::Print, 2),           // 3
      ev(3 * ms, EventKind::Suspend, 2, 6),      // 4
      ev(4 * ms, EventKind::Run, 3, 9),          // 5
      ev(5 * ms, EventKind::Callback, 1),        // 6
      ev(6 * ms, EventKind::Suspend, 3, 10),     // 7
      ev(100 * ms, EventKind::Idle, 1),          // 8
      ev(500 * ms, EventKind::Run, 2, 6),        // 9
      ev(501 * ms, EventKind::Done, 2, 7),       // 10
      ev(1000 * ms, EventKind::Exit, kNoLane),   // 11
  };
}

}  // namespace

TEST_CASE("an empty trace has no position", "[playhead]") {
  Playhead p;
  EventList none;
  CHECK_FALSE(p.update(none, 0.1));
  CHECK(p.position() == kNoEvent);
  CHECK_FALSE(p.step(none, 1));
  CHECK(p.position() == kNoEvent);
}

TEST_CASE("stepping with each filter", "[playhead]") {
  auto events = two_tasks();
  Playhead p;
  p.first(events);
  REQUIRE(p.position() == 0);

  SECTION("all events") {
    CHECK(p.step(events, +1));
    CHECK(p.position() == 1);
    CHECK(p.step(events, +1));
    CHECK(p.position() == 2);
    CHECK(p.step(events, -1));
    CHECK(p.position() == 1);
  }
  SECTION("task switches") {
    p.set_filter(StepFilter::TaskSwitches);
    std::vector<EventIndex> seen;
    while (p.step(events, +1)) seen.push_back(p.position());
    CHECK(seen == std::vector<EventIndex>{2, 4, 5, 7, 9, 10});
    CHECK(p.position() == 10);  // stays on the last match
    CHECK(p.step(events, -1));
    CHECK(p.position() == 9);
  }
  SECTION("my code") {
    p.set_filter(StepFilter::MyCode);
    std::vector<EventIndex> seen;
    while (p.step(events, +1)) seen.push_back(p.position());
    CHECK(seen == std::vector<EventIndex>{2, 4, 5, 7, 9, 10});
    p.seek(events, 8);
    CHECK(p.step(events, -1));
    CHECK(p.position() == 7);
  }
  SECTION("stops at the ends") {
    CHECK_FALSE(p.step(events, -1));
    CHECK(p.position() == 0);
    p.last(events);
    CHECK(p.position() == 11);
    CHECK_FALSE(p.step(events, +1));
  }
}

TEST_CASE("jumps within a lane", "[playhead]") {
  auto events = two_tasks();
  Playhead p;
  p.first(events);
  CHECK(p.jump_in_lane(events, 2, +1));
  CHECK(p.position() == 2);
  CHECK(p.jump_in_lane(events, 2, +1));
  CHECK(p.position() == 3);
  CHECK(p.jump_in_lane(events, 2, +1));
  CHECK(p.position() == 4);
  CHECK(p.jump_in_lane(events, 2, +1));
  CHECK(p.position() == 9);
  CHECK(p.jump_in_lane(events, 3, -1));
  CHECK(p.position() == 7);
  CHECK(p.jump_in_lane(events, 3, -1));
  CHECK(p.position() == 5);
  CHECK_FALSE(p.jump_in_lane(events, 3, -1));
  CHECK(p.position() == 5);
}

TEST_CASE("scrubbing lands on the nearest event", "[playhead]") {
  auto events = two_tasks();
  constexpr Nanos ms = 1'000'000;
  Playhead p;
  p.scrub(events, 0);
  CHECK(p.position() == 0);
  p.scrub(events, 3 * ms + 400'000);
  CHECK(p.position() == 4);
  p.scrub(events, 3 * ms + 600'000);
  CHECK(p.position() == 5);
  p.scrub(events, 280 * ms);
  CHECK(p.position() == 8);
  p.scrub(events, 320 * ms);
  CHECK(p.position() == 9);
  p.scrub(events, 5000 * ms);
  CHECK(p.position() == 11);
  p.scrub(events, -5);
  CHECK(p.position() == 0);
}

TEST_CASE("playing at a pace advances that many events", "[playhead]") {
  auto events = two_tasks();
  Playhead p;
  p.first(events);
  p.set_pace({PaceMode::EventsPerSecond, 4.0, 1.0});
  p.play(events);
  REQUIRE(p.playing());
  p.update(events, 0.1);  // 0.4 event: nothing yet
  CHECK(p.position() == 0);
  p.update(events, 0.2);  // 1.2 events: one step
  CHECK(p.position() == 1);
  p.update(events, 0.25);  // 1.2 events: one more step (0.2 carried)
  p.update(events, 0.25);
  CHECK(p.position() == 3);

  SECTION("with a filter, only matching events count") {
    p.set_filter(StepFilter::TaskSwitches);
    p.update(events, 0.25);  // one event: the next task switch
    CHECK(p.position() == 4);
    p.update(events, 0.25);
    CHECK(p.position() == 5);
  }
  SECTION("playback stops at the end") {
    for (int i = 0; i < 40; ++i) p.update(events, 0.25);
    CHECK(p.position() == 11);
    CHECK_FALSE(p.playing());
  }
  SECTION("pause holds the position") {
    p.pause();
    p.update(events, 0.25);
    CHECK(p.position() == 3);
  }
}

TEST_CASE("real-time playback follows the run's clock", "[playhead]") {
  auto events = two_tasks();
  Playhead p;
  p.first(events);
  p.set_pace({PaceMode::RealTime, 8.0, 0.5});  // half speed
  p.play(events);
  p.update(events, 0.004);  // 2 ms of run time: events up to t <= 2 ms
  CHECK(p.position() == 3);
  p.update(events, 0.1);  // 52 ms: up to index 7
  CHECK(p.position() == 7);
  p.update(events, 0.2);  // 152 ms: the idle at 100 ms
  CHECK(p.position() == 8);
  p.set_pace({PaceMode::RealTime, 8.0, 4.0});
  p.update(events, 0.1);  // +400 ms = 552 ms
  CHECK(p.position() == 10);
  CHECK(p.playing());
}

TEST_CASE("play from the end restarts at the beginning", "[playhead]") {
  auto events = two_tasks();
  Playhead p;
  p.last(events);
  p.play(events);
  CHECK(p.position() == 0);
  CHECK(p.playing());
}

TEST_CASE("follow-live stays on the last event as events arrive", "[playhead]") {
  auto events = two_tasks();
  EventList growing{events[0], events[1], events[2]};
  Playhead p;
  p.set_follow_live(true);
  p.update(growing, 0.016);
  CHECK(p.position() == 2);
  growing.push_back(events[3]);
  growing.push_back(events[4]);
  CHECK(p.update(growing, 0.016));
  CHECK(p.position() == 4);
  // Stepping back is the user taking over: following stops.
  p.step(growing, -1);
  CHECK_FALSE(p.follow_live());
  growing.push_back(events[5]);
  p.update(growing, 0.016);
  CHECK(p.position() == 3);
  // End keeps whatever follow mode was on.
  p.set_follow_live(true);
  p.last(growing);
  CHECK(p.follow_live());
}

TEST_CASE("a position beyond a new, shorter trace is clamped", "[playhead]") {
  auto events = two_tasks();
  Playhead p;
  p.last(events);
  EventList shorter{events[0], events[1], events[2], events[3]};
  p.update(shorter, 0.0);
  CHECK(p.position() == 3);
}
