#include "core/generator_chain.h"

#include <algorithm>
#include <map>


namespace loopscope {

namespace {

// The span of `lane` that covers the instant `t` (the last one starting at or before it).
const Span* span_covering(const Lane& lane, Nanos t) {
  auto it = std::upper_bound(lane.spans.begin(), lane.spans.end(), t, [](Nanos v, const Span& s) { return v < s.start; });
  if (it == lane.spans.begin()) return nullptr;
  return &*std::prev(it);
}

// The driver named by the last running span at or before `span`.
LaneId driver_before(const Lane& lane, const Span& span) {
  for (auto i = static_cast<std::size_t>(&span - lane.spans.data()) + 1; i-- > 0;)
    if (lane.spans[i].kind == SpanKind::GenRunning) return lane.spans[i].target;
  return lane.parent;
}

std::string describe(const Trace& trace, LaneId lane, const Span& s) {
  return trace.display_name(lane) + " running [" + std::to_string(s.start) + ", " + std::to_string(s.end) + "]";
}

}  // namespace

LaneId chain_root(const Trace& trace, LaneId gen, const Span& running) {
  const Lane* stage = trace.lane(gen);
  LaneId driver = stage ? driver_before(*stage, running) : kNoLane;
  for (int depth = 0; depth < 256; ++depth) {
    const Lane* d = trace.lane(driver);
    if (!d || d->kind != LaneKind::Gen) return driver;
    const Span* pulling = span_covering(*d, running.start);
    if (!pulling) return d->parent;
    driver = driver_before(*d, *pulling);
  }
  return kNoLane;
}

LaneId thread_lane_of(const Trace& trace, LaneId lane) {
  const Lane* ln = trace.lane(lane);
  if (!ln) return kNoLane;
  return ln->kind == LaneKind::Task && ln->loop != kNoLane ? ln->loop : lane;
}

std::vector<std::string> one_running_frame_problems(const Trace& trace) {
  std::vector<std::string> problems;
  struct Running {
    Nanos start, end;
    LaneId gen;
    const Span* span;
  };
  std::map<LaneId, std::vector<Running>> per_thread;
  const Nanos open_end = trace.end_time();
  for (const Lane& lane : trace.lanes()) {
    if (lane.kind != LaneKind::Gen) continue;
    for (const Span& s : lane.spans) {
      if (s.kind != SpanKind::GenRunning) continue;
      const Nanos end = s.end == kOpenEnd ? open_end : s.end;
      const LaneId root = chain_root(trace, lane.id, s);
      const Lane* root_lane = trace.lane(root);
      if (!root_lane) {
        problems.push_back(describe(trace, lane.id, s) + ": no task, main or thread drives it");
        continue;
      }
      per_thread[thread_lane_of(trace, root)].push_back({s.start, end, lane.id, &s});
      if (root_lane->kind == LaneKind::Task && end > s.start) {
        // Inside one step of the driving task.
        const Span* step = span_covering(*root_lane, s.start);
        const bool inside = step && step->kind == SpanKind::Step && (step->end == kOpenEnd || step->end >= end);
        if (!inside) problems.push_back(describe(trace, lane.id, s) + ": not inside a step of " + trace.display_name(root));
      }
    }
  }
  for (auto& [thread, spans] : per_thread) {
    std::sort(spans.begin(), spans.end(), [](const Running& a, const Running& b) { return a.start < b.start; });
    const Running* latest = nullptr;  // of the spans so far, the one that ends last
    for (const Running& b : spans) {
      if (latest && b.start < latest->end)
        problems.push_back(describe(trace, b.gen, *b.span) + " overlaps " + describe(trace, latest->gen, *latest->span) +
                           " on the thread of " + trace.display_name(thread));
      if (!latest || b.end > latest->end) latest = &b;
    }
  }
  return problems;
}

}  // namespace loopscope
