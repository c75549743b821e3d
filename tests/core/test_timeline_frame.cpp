#include <catch2/catch.hpp>

#include <algorithm>

#include "core/timeline_frame.h"
#include "trace_fixtures.h"

using namespace loopscope;

namespace {

TimeAxis whole_run(const Trace& trace, float width = 1000.0f) {
  TimeAxis axis;
  axis.set_pixels(0.0f, width);
  axis.set_run_end(trace.end_time());
  axis.fit(0, static_cast<double>(trace.end_time()));
  return axis;
}

std::size_t row_of(const std::vector<LaneId>& rows, LaneId lane) {
  return static_cast<std::size_t>(std::find(rows.begin(), rows.end(), lane) - rows.begin());
}

}  // namespace

TEST_CASE("rows come in the order main, loop, tasks, threads, generators", "[timeline_frame]") {
  Trace trace = fixtures::make(fixtures::kBlockingAndThread);
  const auto rows = timeline_rows(trace, false);
  REQUIRE(rows.size() == 4);
  CHECK(trace.lanes()[static_cast<std::size_t>(rows[0])].kind == LaneKind::Main);
  CHECK(trace.lanes()[static_cast<std::size_t>(rows[1])].kind == LaneKind::Loop);
  CHECK(trace.lanes()[static_cast<std::size_t>(rows[2])].kind == LaneKind::Task);
  CHECK(trace.lanes()[static_cast<std::size_t>(rows[3])].kind == LaneKind::Thread);

  Trace gens = fixtures::make(fixtures::kGenerators);
  CHECK(timeline_rows(gens, false).size() == 3);
  const auto without = timeline_rows(gens, true);
  REQUIRE(without.size() == 1);
  CHECK(gens.lanes()[static_cast<std::size_t>(without[0])].kind == LaneKind::Main);
}

TEST_CASE("a frame holds the blocking overlay, the job and the hand-off links", "[timeline_frame]") {
  Trace trace = fixtures::make(fixtures::kBlockingAndThread);
  const auto rows = timeline_rows(trace, false);
  const TimeAxis axis = whole_run(trace);
  TimelineFrame frame;
  build_frame(trace, axis, rows, frame);
  REQUIRE(frame.rows.size() == rows.size());

  const LaneId loop = fixtures::lane_named(trace, "loop");
  const LaneId worker = fixtures::lane_named(trace, "asyncio_0");
  const RowItems& loop_row = frame.rows[row_of(rows, loop)];
  REQUIRE(loop_row.overlays.size() == 1);
  const Span& blocking = trace.lanes()[static_cast<std::size_t>(loop)].overlays[loop_row.overlays[0].first];
  CHECK(blocking.kind == SpanKind::Blocking);
  CHECK(trace.str(blocking.label) == "time.sleep(0.2)");

  const RowItems& worker_row = frame.rows[row_of(rows, worker)];
  REQUIRE(worker_row.spans.size() == 1);
  CHECK(worker_row.spans[0].kind == SpanKind::Job);
  CHECK(worker_row.spans[0].count == 1);

  // The task hands the job to the worker and gets it back.
  bool to_worker = false, back = false;
  for (const LinkItem& item : frame.links) {
    const Link& link = trace.links()[item.link];
    to_worker |= link.kind == LinkKind::JobStart && item.to == worker;
    back |= link.kind == LinkKind::JobDone && item.from == worker;
  }
  CHECK(to_worker);
  CHECK(back);
  CHECK(frame.links_in_view >= frame.links.size());
  CHECK_FALSE(frame.ticks.empty());
}

TEST_CASE("zoomed in, only what is in view is in the frame", "[timeline_frame]") {
  Trace trace = fixtures::make(fixtures::kTwoTasks);
  const auto rows = timeline_rows(trace, false);
  TimeAxis axis = whole_run(trace);
  axis.set_range(2'000'000, 2'500'000);  // inside the long idle / sleep, before anything else
  TimelineFrame frame;
  build_frame(trace, axis, rows, frame);
  const LaneId w1 = fixtures::lane_named(trace, "w1");
  const RowItems& row = frame.rows[row_of(rows, w1)];
  REQUIRE(row.spans.size() == 1);
  const Span& s = trace.lanes()[static_cast<std::size_t>(w1)].spans[row.spans[0].first];
  CHECK(s.kind == SpanKind::Suspended);
  CHECK(trace.str(s.label) == "sleep(0.5)");
  CHECK(row.instants.empty());  // its print is at 3 ms
  CHECK(frame.links.empty());
}

TEST_CASE("links to a hidden row are left out", "[timeline_frame]") {
  Trace trace = fixtures::make(fixtures::kGenerators);
  const TimeAxis axis = whole_run(trace);
  TimelineFrame frame;
  build_frame(trace, axis, timeline_rows(trace, true), frame);
  for (const LinkItem& item : frame.links) {
    CHECK(trace.lanes()[static_cast<std::size_t>(item.to)].kind != LaneKind::Gen);
  }
  build_frame(trace, axis, timeline_rows(trace, false), frame);
  bool drove = false;
  for (const LinkItem& item : frame.links) drove |= trace.links()[item.link].kind == LinkKind::Drove;
  CHECK(drove);
}
