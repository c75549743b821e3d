#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <sstream>
#include <string>

#include "core/trace_model.h"
#include "ui/timeline/timeline_describe.h"

using namespace loopscope;

namespace {

// A task blocks the loop with time.sleep, another waits on a timer; a worker runs a job.
constexpr std::string_view kStream = R"J(
{"seq":0,"t":0,"ev":"hello","version":1,"python":"3.11.2","impl":"cpython","script":"demo.py","argv":[],"pid":1,"stall_ms":50}
{"seq":1,"t":1,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":2,"t":2,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":3,"t":3,"ev":"lane","lane":2,"kind":"task","name":"Task-1","coro":"main","parent":0,"line":3}
{"seq":4,"t":4,"ev":"lane","lane":3,"kind":"task","name":"ticker","coro":"tick","parent":2,"line":4}
{"seq":5,"t":5,"ev":"run","lane":3,"line":8,"ready":4,"by":2,"why":"start"}
{"seq":6,"t":6,"ev":"print","lane":3,"stream":"stdout","text":"tick <0>"}
{"seq":7,"t":7,"ev":"suspend","lane":3,"line":9,"awaiting":"sleep(0.5)","wait":"sleep","target":-1,"due":1000}
{"seq":8,"t":10,"ev":"run","lane":2,"line":4,"ready":3,"by":-1,"why":"start"}
{"seq":9,"t":20,"ev":"block","lane":1,"what":"time.sleep(1)","line":5}
{"seq":10,"t":3000000,"ev":"block_end","lane":1}
{"seq":11,"t":3000010,"ev":"suspend","lane":2,"line":6,"awaiting":"to_thread(crunch)","wait":"thread","target":4}
{"seq":12,"t":3000020,"ev":"lane","lane":4,"kind":"thread","name":"asyncio_0","thread":"asyncio_0"}
{"seq":13,"t":3000030,"ev":"job","lane":4,"job":1,"func":"crunch","task":2,"via":"to_thread"}
{"seq":14,"t":3000100,"ev":"run","lane":3,"line":9,"ready":1000,"by":1,"why":"timer","late":2999000}
{"seq":15,"t":3000200,"ev":"done","lane":3,"outcome":"result","detail":"None","line":10}
{"seq":16,"t":4000000,"ev":"job_end","lane":4,"job":1,"outcome":"result"}
{"seq":17,"t":4000100,"ev":"run","lane":2,"line":6,"ready":4000000,"by":4,"why":"thread"}
{"seq":18,"t":4000200,"ev":"done","lane":2,"outcome":"result","detail":"None","line":7}
{"seq":19,"t":4000300,"ev":"exit","code":0,"how":"normal"}
)J";

Trace make_trace() {
  Trace trace;
  std::istringstream in{std::string(kStream)};
  for (std::string line; std::getline(in, line);) trace.ingest_line(line);
  return trace;
}

const Lane& lane_named(const Trace& trace, std::string_view name) {
  for (const Lane& lane : trace.lanes()) {
    if (trace.str(lane.name) == name) return lane;
  }
  FAIL("no lane " << name);
  return trace.lanes().front();
}

std::optional<Span> find_span(const Lane& lane, SpanKind kind) {
  for (const Span& s : lane.spans) {
    if (s.kind == kind) return s;
  }
  return std::nullopt;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("span labels and tooltips say what a span is", "[timeline_describe]") {
  const Trace trace = make_trace();
  const Lane& ticker = lane_named(trace, "ticker");
  const auto suspended = find_span(ticker, SpanKind::Suspended);
  REQUIRE(suspended);
  CHECK(span_label(trace, ticker, *suspended) == "sleep(0.5)");
  const std::string tip = span_tooltip(trace, ticker, *suspended, trace.end_time());
  CHECK(contains(tip, "awaiting sleep(0.5)"));
  CHECK(contains(tip, "await on line 9"));

  const auto ready = find_span(ticker, SpanKind::Ready);
  REQUIRE(ready);
  CHECK(contains(span_title(trace, ticker, *ready), "ready"));
  CHECK_FALSE(contains(span_tooltip(trace, ticker, *ready, trace.end_time()), "starved"));  // woken at its start
  // Its timer fired 3 ms late while the loop was blocked: the tooltip says it was starved.
  const Span& starved = *std::find_if(ticker.spans.rbegin(), ticker.spans.rend(),
                                      [](const Span& s) { return s.kind == SpanKind::Ready; });
  CHECK((starved.flags & kSpanStarved) != 0);
  CHECK(contains(span_tooltip(trace, ticker, starved, trace.end_time()), "starved"));

  const Lane& loop = lane_named(trace, "loop");
  REQUIRE_FALSE(loop.overlays.empty());
  const Span& blocking = loop.overlays.front();
  CHECK(span_label(trace, loop, blocking) == "time.sleep(1)  line 5");
  CHECK(contains(span_tooltip(trace, loop, blocking, trace.end_time()), "BLOCKING"));
  const auto loop_step = find_span(loop, SpanKind::Step);
  REQUIRE(loop_step);
  CHECK_FALSE(span_label(trace, loop, *loop_step).empty());  // the task's name

  const Lane& worker = lane_named(trace, "asyncio_0");
  const auto job = find_span(worker, SpanKind::Job);
  REQUIRE(job);
  CHECK(span_label(trace, worker, *job) == "crunch");
  CHECK(contains(span_tooltip(trace, worker, *job, trace.end_time()), "awaited by Task-1"));
}

TEST_CASE("instant labels show values, prints and lateness", "[timeline_describe]") {
  const Trace trace = make_trace();
  const Lane& ticker = lane_named(trace, "ticker");
  bool print = false, late = false;
  for (const Instant& in : ticker.instants) {
    if (in.kind == InstantKind::Print) {
      print = true;
      CHECK(instant_label(trace, in) == "tick <0>");
      CHECK(contains(instant_tooltip(trace, ticker, in), "print: tick <0>"));
    }
    if (in.kind == InstantKind::TimerLate) {
      late = true;
      CHECK(instant_label(trace, in) == "+3 ms late");
    }
  }
  CHECK(print);
  CHECK(late);
  CHECK(contains(cluster_tooltip(trace, ticker, 0, static_cast<std::uint32_t>(ticker.instants.size())), "events close together"));
}

TEST_CASE("times read in a sensible unit", "[timeline_describe]") {
  CHECK(format_time(500) == "0.5 \xC2\xB5s");
  CHECK(format_time(1'500'000) == "1.500 ms");
  CHECK(format_time(12'000'000'000) == "12.000 s");
}

