#include <catch2/catch.hpp>

#include "core/time_axis.h"

using namespace loopscope;

namespace {

TimeAxis axis_for(Nanos run_end, double t0, double t1, float width = 1000.0f) {
  TimeAxis axis;
  axis.set_pixels(100.0f, width);
  axis.set_run_end(run_end);
  axis.set_range(t0, t1);
  return axis;
}

}  // namespace

TEST_CASE("time and pixels convert both ways", "[time_axis]") {
  TimeAxis axis = axis_for(2'000'000'000, 0, 1e9);
  CHECK(axis.x_of(0) == Approx(100.0f));
  CHECK(axis.x_of(1e9) == Approx(1100.0f));
  CHECK(axis.x_of(0.5e9) == Approx(600.0f));
  for (double t : {0.0, 1234.0, 3.3e8, 9.99e8}) CHECK(axis.t_of(axis.x_of(t)) == Approx(t).margin(2e3));
  CHECK(axis.ns_per_px() == Approx(1e6));
}

TEST_CASE("zoom keeps the time under the cursor fixed", "[time_axis]") {
  TimeAxis axis = axis_for(10'000'000'000, 0, 1e9);
  const float cursor = 350.0f;
  const double before = axis.t_of(cursor);
  axis.zoom(cursor, 4.0);
  CHECK(axis.span() == Approx(0.25e9));
  CHECK(axis.t_of(cursor) == Approx(before));
  axis.zoom(cursor, 0.5);
  CHECK(axis.span() == Approx(0.5e9));
  CHECK(axis.t_of(cursor) == Approx(before));
}

TEST_CASE("zoom is clamped at 100 ns and a little beyond the run", "[time_axis]") {
  TimeAxis axis = axis_for(1'000'000, 0, 1e6);
  for (int i = 0; i < 100; ++i) axis.zoom(500.0f, 10.0);
  CHECK(axis.span() == Approx(TimeAxis::kMinSpanNs));
  for (int i = 0; i < 100; ++i) axis.zoom(500.0f, 0.1);
  CHECK(axis.span() <= 1.5e6 + 1);
  CHECK(axis.span() >= 1e6);
  // The run stays in view after zooming out around an edge.
  CHECK(axis.start() <= 0);
  CHECK(axis.end() >= 1e6 * 0.9);
}

TEST_CASE("pan moves content with the mouse and stays near the run", "[time_axis]") {
  TimeAxis axis = axis_for(10'000'000'000, 1e9, 2e9);
  axis.pan_px(-100.0f);  // drag left: later times come in
  CHECK(axis.start() == Approx(1.1e9));
  axis.pan_px(200.0f);
  CHECK(axis.start() == Approx(0.9e9));
  axis.pan_px(1e6f);  // far past the start: clamped at the run's start
  CHECK(axis.start() == 0);
  axis.pan_px(-1e7f);
  CHECK(axis.start() < 10e9);
}

TEST_CASE("fit shows the range with a small margin, never time before the run", "[time_axis]") {
  TimeAxis axis = axis_for(5'000'000'000, 0, 1e6);
  axis.fit(1e9, 5e9);
  CHECK(axis.start() < 1e9);
  CHECK(axis.start() > 0.9e9);
  CHECK(axis.end() > 5e9);
  CHECK(axis.end() < 5.2e9);
  axis.fit(0, 5e9);
  CHECK(axis.start() == 0);  // the margin does not reach into negative time
  CHECK(axis.end() > 5e9);
}

TEST_CASE("no view starts before the run", "[time_axis]") {
  TimeAxis axis = axis_for(1'000'000'000, 0, 1e9);
  axis.set_range(-5e8, 5e8);
  CHECK(axis.start() == 0);
  axis.zoom(axis.x0(), 0.5);  // zooming out around the run's start
  CHECK(axis.start() == 0);
}

TEST_CASE("nice steps are 1-2-5", "[time_axis]") {
  CHECK(nice_step(1) == Approx(1));
  CHECK(nice_step(1.5) == Approx(2));
  CHECK(nice_step(3) == Approx(5));
  CHECK(nice_step(7) == Approx(10));
  CHECK(nice_step(180e6) == Approx(200e6));
  CHECK(nice_step(4.2e3) == Approx(5e3));
}

TEST_CASE("durations read like a person writes them", "[time_axis]") {
  CHECK(format_duration(0) == "0");
  CHECK(format_duration(850) == "850 ns");
  CHECK(format_duration(12'500) == "12.5 \xC2\xB5s");
  CHECK(format_duration(250e6) == "250 ms");
  CHECK(format_duration(1.5e9) == "1.5 s");
  CHECK(format_duration(2e9) == "2 s");
  CHECK(format_duration(125e9) == "2 min 5 s");
  CHECK(format_tick(1.5e9, 0.5e9) == "1.5 s");
  CHECK(format_tick(2e9, 0.5e9) == "2 s");
  CHECK(format_tick(250e6, 50e6) == "250 ms");
  CHECK(format_tick(0, 50e6) == "0");
}

namespace {

std::vector<AxisTick> majors(const TimeAxis& axis) {
  std::vector<AxisTick> out;
  for (const AxisTick& t : axis.ticks(90.0f)) {
    if (t.major) out.push_back(t);
  }
  return out;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

TEST_CASE("ruler ticks adapt their unit to the zoom", "[time_axis]") {
  SECTION("seconds across 5 s") {
    TimeAxis axis = axis_for(10'000'000'000, 0, 5e9);
    auto m = majors(axis);
    REQUIRE(m.size() >= 5);
    CHECK(m[0].label == "0");
    CHECK(ends_with(m[1].label, " s"));
    CHECK(m[1].label == "0.5 s");
  }
  SECTION("milliseconds across 1 s") {
    TimeAxis axis = axis_for(10'000'000'000, 0, 1e9);
    auto m = majors(axis);
    REQUIRE(m.size() >= 5);
    CHECK(m[1].label == "100 ms");
  }
  SECTION("microseconds across 20 us") {
    TimeAxis axis = axis_for(10'000'000'000, 1e6, 1e6 + 20e3);
    auto m = majors(axis);
    REQUIRE(m.size() >= 5);
    for (const auto& t : m) CHECK((ends_with(t.label, "\xC2\xB5s") || ends_with(t.label, " ms")));
  }
  SECTION("nanoseconds across 500 ns") {
    TimeAxis axis = axis_for(10'000'000'000, 100, 600);
    auto m = majors(axis);
    REQUIRE(m.size() >= 4);
    bool any_ns = false;
    for (const auto& t : m) any_ns |= ends_with(t.label, " ns");
    CHECK(any_ns);
  }
  SECTION("labels are far enough apart and distinct") {
    TimeAxis axis = axis_for(10'000'000'000, 0, 3.7e9);
    auto m = majors(axis);
    for (std::size_t i = 1; i < m.size(); ++i) {
      CHECK(m[i].x - m[i - 1].x >= 90.0f);
      CHECK(m[i].label != m[i - 1].label);
    }
    // Minor ticks exist between majors.
    CHECK(axis.ticks(90.0f).size() > m.size());
  }
}

TEST_CASE("counts fit a gutter: at most four characters, rounded, never 1000k", "[format]") {
  CHECK(format_count(0) == "0");
  CHECK(format_count(999) == "999");
  CHECK(format_count(1000) == "1.0k");
  CHECK(format_count(1234) == "1.2k");
  CHECK(format_count(9960) == "10k");
  CHECK(format_count(12'345) == "12k");
  CHECK(format_count(400'000) == "400k");
  CHECK(format_count(999'499) == "999k");
  CHECK(format_count(999'500) == "1.0M");
  CHECK(format_count(3'500'000) == "3.5M");
  CHECK(format_count(25'000'000) == "25M");
}
