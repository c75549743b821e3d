#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/generator_chain.h"
#include "core/trace_model.h"
#include "trace_fixtures.h"

using namespace loopscope;

namespace {

std::vector<SpanKind> kinds(const SpanList& spans) {
  std::vector<SpanKind> out;
  for (const auto& s : spans) out.push_back(s.kind);
  return out;
}

bool sorted_without_overlap(const SpanList& spans) {
  for (std::size_t i = 1; i < spans.size(); ++i)
    if (spans[i].start < spans[i - 1].end || spans[i - 1].end < spans[i - 1].start) return false;
  return true;
}

bool has_link(const Trace& trace, LinkKind kind, LaneId from, LaneId to) {
  for (const auto& l : trace.links())
    if (l.kind == kind && l.from == from && l.to == to) return true;
  return false;
}

}  // namespace

TEST_CASE("an event stays compact", "[model]") { STATIC_REQUIRE(sizeof(Event) <= 64); }

TEST_CASE("run records fill the run info", "[model]") {
  const Trace trace = fixtures::make(fixtures::kTwoTasks);
  CHECK(trace.info().python_version == "3.11.2");
  CHECK(trace.info().script == "demo.py");
  CHECK(trace.info().pid == 42);
  CHECK(trace.info().exit_seen);
  CHECK(trace.info().exit_code == 1);
  CHECK(trace.info().notes.empty());
  CHECK(trace.events().size() == 19);
  CHECK(trace.end_time() == 3000600);
}

TEST_CASE("past the event budget nothing goes on: open spans end at the cut, the rest is unrecorded", "[model]") {
  const Trace trace = fixtures::make(fixtures::kBudgetCut);
  CHECK(trace.info().recorded_until == 1000);
  CHECK(trace.end_time() == 900100);
  const Lane& spin = trace.lanes()[static_cast<std::size_t>(fixtures::lane_named(trace, "Task-2"))];
  REQUIRE_FALSE(spin.spans.empty());
  CHECK(spin.spans.back().kind == SpanKind::Step);
  CHECK(spin.spans.back().end == 1000);  // not "running until the end"
  const Lane& main_task = trace.lanes()[static_cast<std::size_t>(fixtures::lane_named(trace, "Task-1"))];
  CHECK(main_task.spans.back().kind == SpanKind::Suspended);
  CHECK(main_task.spans.back().end == 1000);
  for (const Lane& lane : trace.lanes())
    for (const Span& s : lane.spans) CHECK(s.end <= 1000);
  // A whole run has no cut.
  CHECK(fixtures::make(fixtures::kTwoTasks).info().recorded_until == -1);
}

TEST_CASE("a task lane alternates ready, step and suspended, a timer late while the loop idled is jitter", "[model]") {
  const Trace trace = fixtures::make(fixtures::kTwoTasks);
  const LaneId w1 = fixtures::lane_named(trace, "w1");
  REQUIRE(w1 != kNoLane);
  const Lane& lane = trace.lanes()[w1];
  CHECK(lane.kind == LaneKind::Task);
  CHECK(trace.display_name(w1) == "w1 worker()");
  CHECK(kinds(lane.spans) == std::vector{SpanKind::Ready, SpanKind::Step, SpanKind::Suspended, SpanKind::Ready, SpanKind::Step});
  CHECK(sorted_without_overlap(lane.spans));
  const Span& suspended = lane.spans[2];
  CHECK(trace.str(suspended.label) == "sleep(0.5)");
  CHECK(suspended.start == 90);
  // The timer fired 0.4 ms late, but the loop sat idle in select until 3 ms: wake-up jitter.
  // The task was suspended until the timer woke it, then ready until its step, not starved.
  CHECK(suspended.end == 3000000);
  CHECK(lane.spans[3].start == 3000000);
  CHECK(lane.spans[3].end == 3000100);
  CHECK(lane.spans[4].end == 3000300);
  for (const Span& s : lane.spans) CHECK((s.flags & kSpanStarved) == 0);
  CHECK(lane.ended_at == 15);
  const LaneId loop = fixtures::lane_named(trace, "loop");
  CHECK(lane.loop == loop);
  CHECK_FALSE(has_link(trace, LinkKind::TimerFired, loop, w1));  // its own sleep ended: no arrow
  CHECK_FALSE(std::any_of(lane.instants.begin(), lane.instants.end(),
                          [](const Instant& i) { return i.kind == InstantKind::TimerLate; }));
}

TEST_CASE("a timer that resolves a future the task awaits is drawn as the loop waking it", "[model]") {
  const Trace trace = fixtures::make(R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":1,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":2,"t":2,"ev":"lane","lane":2,"kind":"task","name":"Task-1","coro":"main","parent":0,"line":3,"loop":1}
{"seq":3,"t":3,"ev":"run","lane":2,"line":4,"ready":2,"by":-1,"why":"start"}
{"seq":4,"t":4,"ev":"suspend","lane":2,"line":20,"awaiting":"Future","wait":"future","target":-1}
{"seq":5,"t":150000000,"ev":"run","lane":2,"line":20,"ready":149999000,"by":-1,"why":"timer","late":100000}
)J");
  CHECK(has_link(trace, LinkKind::TimerFired, 1, 2));
}

TEST_CASE("a timer due while the loop runs other work starves its task: ready from the due time, flagged late", "[model]") {
  const Trace trace = fixtures::make(fixtures::kStarvedTicker);
  const LaneId ticker = fixtures::lane_named(trace, "ticker");
  const Lane& lane = trace.lanes()[ticker];
  REQUIRE(kinds(lane.spans) == std::vector{SpanKind::Ready, SpanKind::Step, SpanKind::Suspended, SpanKind::Ready,
                                           SpanKind::Step, SpanKind::Suspended});
  CHECK((lane.spans[0].flags & kSpanStarved) == 0);
  CHECK(lane.spans[2].end == 50'002'000);  // due: 154 ms before the late timer ran
  CHECK(lane.spans[3].start == 50'002'000);
  CHECK(lane.spans[3].end == 204'003'000);
  CHECK((lane.spans[3].flags & kSpanStarved) != 0);
  const auto late = std::find_if(lane.instants.begin(), lane.instants.end(),
                                 [](const Instant& i) { return i.kind == InstantKind::TimerLate; });
  REQUIRE(late != lane.instants.end());
  CHECK(trace.str(late->text) == "timer fired 154.0 ms late");
  CHECK(sorted_without_overlap(lane.spans));
}

TEST_CASE("a task woken while the loop is busy for long is starved until its step", "[model]") {
  const Trace trace = fixtures::make(fixtures::kStarvedTicker);
  // `worker` was woken (created) at 3.5 us but only ran after the blocking step: starved.
  const Lane& worker = trace.lanes()[fixtures::lane_named(trace, "worker")];
  REQUIRE(kinds(worker.spans) == std::vector{SpanKind::Ready, SpanKind::Step});
  CHECK(worker.spans[0].start == 3'500);
  CHECK((worker.spans[0].flags & kSpanStarved) != 0);
  // `main` was ready 1 ns before its step, with nothing running between: not starved.
  const Lane& main_task = trace.lanes()[fixtures::lane_named(trace, "Task-1")];
  CHECK((main_task.spans.front().flags & kSpanStarved) == 0);
}

TEST_CASE("a task runs on the loop its lane record names, not the last declared loop", "[model]") {
  const Trace trace = fixtures::make(R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":1,"ev":"lane","lane":1,"kind":"loop","name":"loop A"}
{"seq":2,"t":2,"ev":"lane","lane":2,"kind":"loop","name":"loop B"}
{"seq":3,"t":3,"ev":"lane","lane":3,"kind":"task","name":"Task-1","coro":"a","parent":-1,"line":3,"loop":1}
{"seq":4,"t":4,"ev":"lane","lane":4,"kind":"task","name":"Task-2","coro":"b","parent":-1,"line":4}
)J");
  CHECK(trace.lanes()[fixtures::lane_named(trace, "Task-1")].loop == fixtures::lane_named(trace, "loop A"));
  // Without the field (older streams): the last declared loop.
  CHECK(trace.lanes()[fixtures::lane_named(trace, "Task-2")].loop == fixtures::lane_named(trace, "loop B"));
}

TEST_CASE("the awaiting task points at its target and failure flags its last step", "[model]") {
  const Trace trace = fixtures::make(fixtures::kTwoTasks);
  const LaneId main_task = fixtures::lane_named(trace, "Task-1");
  const LaneId w1 = fixtures::lane_named(trace, "w1");
  const Lane& lane = trace.lanes()[main_task];
  REQUIRE(kinds(lane.spans) == std::vector{SpanKind::Ready, SpanKind::Step, SpanKind::Suspended, SpanKind::Ready, SpanKind::Step});
  CHECK(lane.spans[2].target == w1);
  CHECK(trace.str(lane.spans[2].label) == "Task w1");
  CHECK((lane.spans.back().flags & kSpanFailed) != 0);
  CHECK(static_cast<Outcome>(lane.end_how) == Outcome::Exception);
  CHECK(has_link(trace, LinkKind::Created, main_task, w1));
  CHECK(has_link(trace, LinkKind::Woke, w1, main_task));
}

TEST_CASE("task steps and idle waits appear on the loop lane", "[model]") {
  const Trace trace = fixtures::make(fixtures::kTwoTasks);
  const LaneId loop = fixtures::lane_named(trace, "loop");
  const LaneId main_task = fixtures::lane_named(trace, "Task-1");
  const LaneId w1 = fixtures::lane_named(trace, "w1");
  const Lane& lane = trace.lanes()[loop];
  CHECK(kinds(lane.spans) == std::vector{SpanKind::Step, SpanKind::Step, SpanKind::Idle, SpanKind::Step, SpanKind::Step});
  CHECK(lane.spans[0].target == main_task);
  CHECK(lane.spans[1].target == w1);
  CHECK(lane.spans[3].target == w1);
  CHECK(sorted_without_overlap(lane.spans));
}

TEST_CASE("prints become instants on the lane that printed", "[model]") {
  const Trace trace = fixtures::make(fixtures::kTwoTasks);
  const Lane& w1 = trace.lanes()[fixtures::lane_named(trace, "w1")];
  const auto print = std::find_if(w1.instants.begin(), w1.instants.end(),
                                  [](const Instant& i) { return i.kind == InstantKind::Print; });
  REQUIRE(print != w1.instants.end());
  CHECK(trace.str(print->text) == "w1 done");
  CHECK(trace.str(print->extra) == "stderr");
}

TEST_CASE("a blocking call is drawn on the loop and on the running task, and a stall flags the step", "[model]") {
  const Trace trace = fixtures::make(fixtures::kBlockingAndThread);
  const LaneId loop = fixtures::lane_named(trace, "loop");
  const LaneId task = fixtures::lane_named(trace, "Task-1");
  const Lane& loop_lane = trace.lanes()[loop];
  REQUIRE(loop_lane.overlays.size() == 1);
  CHECK(loop_lane.overlays[0].kind == SpanKind::Blocking);
  CHECK(trace.str(loop_lane.overlays[0].label) == "time.sleep(0.2)");
  CHECK(loop_lane.overlays[0].start == 10);
  CHECK(loop_lane.overlays[0].end == 200);
  CHECK(loop_lane.overlays[0].target == task);
  REQUIRE(trace.lanes()[task].overlays.size() == 1);
  CHECK(trace.lanes()[task].overlays[0].target == loop);
  CHECK((loop_lane.spans[0].flags & kSpanStalled) != 0);
  CHECK((trace.lanes()[task].spans[1].flags & kSpanStalled) != 0);
  CHECK(std::any_of(loop_lane.instants.begin(), loop_lane.instants.end(),
                    [](const Instant& i) { return i.kind == InstantKind::Stall; }));
}

TEST_CASE("a worker job is a span on the thread lane linked both ways to its task", "[model]") {
  const Trace trace = fixtures::make(fixtures::kBlockingAndThread);
  const LaneId worker = fixtures::lane_named(trace, "asyncio_0");
  const LaneId task = fixtures::lane_named(trace, "Task-1");
  const Lane& lane = trace.lanes()[worker];
  CHECK(lane.kind == LaneKind::Thread);
  REQUIRE(lane.spans.size() == 1);
  CHECK(lane.spans[0].kind == SpanKind::Job);
  CHECK(trace.str(lane.spans[0].label) == "crunch");
  CHECK(lane.spans[0].target == task);
  CHECK(lane.spans[0].end == 400);
  CHECK(has_link(trace, LinkKind::JobStart, task, worker));
  CHECK(has_link(trace, LinkKind::JobDone, worker, task));
  CHECK(trace.str(trace.lanes()[task].spans[2].label) == "to_thread(crunch)");
}

TEST_CASE("a generator alternates running and suspended, its yields are its own, the driver gets receive marks", "[model]") {
  const Trace trace = fixtures::make(fixtures::kGenerators);
  const LaneId gen = fixtures::lane_named(trace, "numbers()");
  const Lane& lane = trace.lanes()[gen];
  CHECK(kinds(lane.spans) == std::vector{SpanKind::GenRunning, SpanKind::GenSuspended, SpanKind::GenRunning,
                                         SpanKind::GenSuspended, SpanKind::GenRunning});
  std::vector<std::string> values;
  for (const auto& i : lane.instants)
    if (i.kind == InstantKind::Yield) values.emplace_back(trace.str(i.text));
  CHECK(values == std::vector<std::string>{"1", "'two'"});
  CHECK(lane.instants.back().kind == InstantKind::GenReturn);
  CHECK(static_cast<GenHow>(lane.end_how) == GenHow::Return);
  const Lane& main_lane = trace.lanes()[0];
  const auto count = [&](InstantKind kind) {
    return std::count_if(main_lane.instants.begin(), main_lane.instants.end(),
                         [kind](const Instant& i) { return i.kind == kind; });
  };
  CHECK(count(InstantKind::Yield) == 0);    // values stay on the lane that yielded them
  CHECK(count(InstantKind::Receive) == 3);  // two from the generator, one item from the iterator
  CHECK(has_link(trace, LinkKind::Drove, 0, gen));
}

TEST_CASE("chained stages take turns: the outer one pulls while the inner one runs", "[model]") {
  const Trace trace = fixtures::make(fixtures::kSyncChain);
  const Lane& squares = trace.lanes()[fixtures::lane_named(trace, "squares")];
  const Lane& numbers = trace.lanes()[fixtures::lane_named(trace, "numbers")];
  CHECK(kinds(squares.spans) == std::vector{SpanKind::GenRunning, SpanKind::GenPulling, SpanKind::GenRunning,
                                            SpanKind::GenSuspended, SpanKind::GenRunning, SpanKind::GenPulling,
                                            SpanKind::GenRunning});
  CHECK(squares.spans[1].target == numbers.id);
  CHECK(squares.spans[1].start == 20);
  CHECK(squares.spans[1].end == 30);  // numbers yielded: squares runs again
  // The value 0 appears once, on numbers; squares yields its own square.
  CHECK(numbers.instants.front().kind == InstantKind::Yield);
  CHECK(squares.instants.front().kind == InstantKind::Receive);
  CHECK(std::any_of(squares.instants.begin(), squares.instants.end(), [&](const Instant& i) {
    return i.kind == InstantKind::Yield && trace.str(i.text) == "0";
  }));
  CHECK(one_running_frame_problems(trace).empty());
}

TEST_CASE("when the task suspends, its innermost stage awaits and the outer ones keep pulling", "[model]") {
  const Trace trace = fixtures::make(fixtures::kAsyncChain);
  const LaneId task = fixtures::lane_named(trace, "Task-1");
  const Lane& lines = trace.lanes()[fixtures::lane_named(trace, "lines")];
  const Lane& chunks = trace.lanes()[fixtures::lane_named(trace, "chunks")];
  CHECK(kinds(chunks.spans) == std::vector{SpanKind::GenRunning, SpanKind::GenAwaiting, SpanKind::GenRunning,
                                           SpanKind::GenSuspended});
  const Span& awaiting = chunks.spans[1];
  CHECK(trace.str(awaiting.label) == "sleep(0.02)");
  CHECK(awaiting.start == 40);   // the task's suspend
  CHECK(awaiting.end == 3000);   // the task's next run
  CHECK(awaiting.line == 11);
  CHECK(kinds(lines.spans) == std::vector{SpanKind::GenRunning, SpanKind::GenPulling, SpanKind::GenRunning,
                                          SpanKind::GenSuspended});
  CHECK(lines.spans[1].start == 30);
  CHECK(lines.spans[1].end == 3010);  // pulling through the whole wait, until chunks yields
  CHECK(chunks.spans[2].target == lines.id);
  CHECK(lines.spans[0].target == task);
  CHECK(one_running_frame_problems(trace).empty());
}

TEST_CASE("an iterator's __next__ returning is an item, StopIteration ends it", "[model]") {
  const Trace trace = fixtures::make(fixtures::kGenerators);
  const Lane& lane = trace.lanes()[fixtures::lane_named(trace, "Lines")];
  CHECK(kinds(lane.spans) == std::vector{SpanKind::GenRunning, SpanKind::GenSuspended, SpanKind::GenRunning});
  CHECK(lane.instants.front().kind == InstantKind::Yield);
  CHECK(lane.instants.back().kind == InstantKind::GenStop);
}

TEST_CASE("malformed and unknown records become notes and keep what came before", "[model]") {
  Trace trace;
  fixtures::ingest(trace, R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":5,"ev":"print","lane":0,"stream":"stdout","text":"before"}
this is not json
{"seq":2,"t":6,"ev":"teleport","lane":0}
{"seq":3,"t":7,"ev":"print","lane":9,"stream":"stdout","text":"lost lane"}
[1,2,3]
{"seq":4,"t":"soon","ev":"print","lane":0}
{"seq":5,"t":8,"ev":"print","lane":0,"stream":"stdout","text":"after","extra_field":{"a":[1,2]}}
)J");
  CHECK(trace.lanes().size() == 1);
  CHECK(trace.lanes()[0].instants.size() == 2);
  CHECK(trace.str(trace.lanes()[0].instants[1].text) == "after");
  CHECK(trace.info().notes.size() == 5);  // not JSON, unknown kind, undeclared lane, not an object, no time
  CHECK_FALSE(trace.ingest_line("{\"seq\":"));
  CHECK(trace.ingest_line(""));  // a blank line is not a record
}

TEST_CASE("finish closes open spans at the last time and records the end", "[model]") {
  Trace trace;
  fixtures::ingest(trace, R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":1,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":2,"t":2,"ev":"lane","lane":2,"kind":"task","name":"Task-1","coro":"main","parent":0,"line":3}
{"seq":3,"t":3,"ev":"run","lane":2,"line":4,"ready":2,"by":-1,"why":"start"}
{"seq":4,"t":9,"ev":"block","lane":1,"what":"time.sleep(10)","line":5}
)J");
  const Lane& task = trace.lanes()[2];
  CHECK(task.spans.back().end == kOpenEnd);
  CHECK(trace.spans_in(2, 0, 100).size() == 2);
  trace.finish(EndStatus::Crashed, -11, "the script crashed (signal 11)", 11);
  CHECK(task.spans.back().end == 9);
  CHECK(trace.lanes()[1].overlays.back().end == 9);
  CHECK(trace.info().status == EndStatus::Crashed);
  CHECK(trace.info().signal == 11);
  CHECK(trace.events().back().kind == EventKind::End);
  CHECK(trace.events().back().seq == 5);
  CHECK(trace.ended());
  trace.finish(EndStatus::Finished, 0, "ignored");  // the first end wins
  CHECK(trace.info().status == EndStatus::Crashed);
}

TEST_CASE("an end record in the stream is the run's end", "[model]") {
  Trace trace;
  fixtures::ingest(trace, R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":4,"ev":"end","status":"timeout","code":-9,"signal":9,"message":"stopped after 1 s"}
)J");
  CHECK(trace.ended());
  CHECK(trace.info().status == EndStatus::Timeout);
  CHECK(trace.info().end_message == "stopped after 1 s");
}

TEST_CASE("spans_in returns the spans overlapping a time range", "[model]") {
  const Trace trace = fixtures::make(fixtures::kTwoTasks);
  const LaneId w1 = fixtures::lane_named(trace, "w1");
  auto spans = trace.spans_in(w1, 85, 95);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].kind == SpanKind::Step);
  CHECK(spans[1].kind == SpanKind::Suspended);
  CHECK(trace.spans_in(w1, 5000000, 6000000).empty());
  CHECK(trace.spans_in(99, 0, 10).empty());
}

TEST_CASE("a copied trace keeps its strings", "[model]") {
  Trace copy;
  {
    const Trace original = fixtures::make(fixtures::kTwoTasks);
    copy = original;
  }
  CHECK(copy.display_name(fixtures::lane_named(copy, "w1")) == "w1 worker()");
}
