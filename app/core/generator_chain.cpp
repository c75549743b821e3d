#include "core/generator_chain.h"

#include <algorithm>
#include <map>
#include <optional>


namespace loopscope {

namespace {

// The index of the span of `lane` that covers the instant `t` (the last one starting at or
// before it), if any.
std::optional<std::size_t> span_covering(const Lane& lane, Nanos t) {
  std::size_t lo = 0, hi = lane.spans.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (lane.spans.start_of(mid) <= t) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return std::nullopt;
  return lo - 1;
}

// The driver named by the last running span at or before span number `span`.
LaneId driver_before(const Lane& lane, std::size_t span) {
  for (std::size_t i = span + 1; i-- > 0;)
    if (lane.spans.kind_of(i) == SpanKind::GenRunning) return lane.spans[i].target;
  return lane.parent;
}

std::string describe(const Trace& trace, LaneId lane, const Span& s) {
  return trace.display_name(lane) + " running [" + std::to_string(s.start) + ", " + std::to_string(s.end) + "]";
}

// The same as span_covering, starting from the span `hint` (updated to the answer): a few
// steps forward when the instant is just after it, else a search of the part it is in.
std::optional<std::size_t> span_covering_near(const Lane& lane, Nanos t, std::size_t& hint) {
  const std::size_t n = lane.spans.size();
  if (hint >= n || lane.spans.start_of(hint) > t) {
    const auto found = span_covering(lane, t);
    if (found) hint = *found;
    return found;
  }
  for (int step = 0; step < 8; ++step) {
    if (hint + 1 >= n || lane.spans.start_of(hint + 1) > t) return hint;
    ++hint;
  }
  std::size_t lo = hint, hi = n;  // start_of(lo) <= t: the answer is in [lo, n)
  while (hi - lo > 1) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (lane.spans.start_of(mid) <= t) lo = mid;
    else hi = mid;
  }
  hint = lo;
  return lo;
}

// chain_root's walk; `hints` (one per lane, or null) speeds up the searches.
LaneId walk_to_root(const Trace& trace, LaneId gen, std::size_t running, std::vector<std::size_t>* hints) {
  const Lane* stage = trace.lane(gen);
  if (!stage || running >= stage->spans.size()) return kNoLane;
  const Nanos start = stage->spans.start_of(running);
  LaneId driver = driver_before(*stage, running);
  for (int depth = 0; depth < 256; ++depth) {
    const Lane* d = trace.lane(driver);
    if (!d || d->kind != LaneKind::Gen) return driver;
    const auto pulling = hints && static_cast<std::size_t>(driver) < hints->size()
                             ? span_covering_near(*d, start, (*hints)[static_cast<std::size_t>(driver)])
                             : span_covering(*d, start);
    if (!pulling) return d->parent;
    driver = driver_before(*d, *pulling);
  }
  return kNoLane;
}

}  // namespace

LaneId chain_root(const Trace& trace, LaneId gen, std::size_t running) {
  return walk_to_root(trace, gen, running, nullptr);
}

LaneId ChainRoots::of(LaneId gen, std::size_t running) { return walk_to_root(trace_, gen, running, &last_); }

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
    Span span;
  };
  std::map<LaneId, std::vector<Running>> per_thread;
  const Nanos open_end = trace.end_time();
  for (const Lane& lane : trace.lanes()) {
    if (lane.kind != LaneKind::Gen) continue;
    for (std::size_t i = 0; i < lane.spans.size(); ++i) {
      if (lane.spans.kind_of(i) != SpanKind::GenRunning) continue;
      const Span s = lane.spans[i];
      const Nanos end = s.end == kOpenEnd ? open_end : s.end;
      const LaneId root = chain_root(trace, lane.id, i);
      const Lane* root_lane = trace.lane(root);
      if (!root_lane) {
        problems.push_back(describe(trace, lane.id, s) + ": no task, main or thread drives it");
        continue;
      }
      per_thread[thread_lane_of(trace, root)].push_back({s.start, end, lane.id, s});
      if (root_lane->kind == LaneKind::Task && end > s.start) {
        // Inside one step of the driving task.
        bool inside = false;
        if (const auto at = span_covering(*root_lane, s.start)) {
          const Span step = root_lane->spans[*at];
          inside = step.kind == SpanKind::Step && (step.end == kOpenEnd || step.end >= end);
        }
        if (!inside) problems.push_back(describe(trace, lane.id, s) + ": not inside a step of " + trace.display_name(root));
      }
    }
  }
  for (auto& [thread, spans] : per_thread) {
    std::sort(spans.begin(), spans.end(), [](const Running& a, const Running& b) { return a.start < b.start; });
    const Running* latest = nullptr;  // of the spans so far, the one that ends last
    for (const Running& b : spans) {
      if (latest && b.start < latest->end)
        problems.push_back(describe(trace, b.gen, b.span) + " overlaps " + describe(trace, latest->gen, latest->span) +
                           " on the thread of " + trace.display_name(thread));
      if (!latest || b.end > latest->end) latest = &b;
    }
  }
  return problems;
}

}  // namespace loopscope
