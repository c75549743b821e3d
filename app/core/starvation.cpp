#include "core/starvation.h"

#include <algorithm>
#include <ranges>

namespace loopscope {

namespace {

// The first span of `spans` that ends at or after `from` (open spans never end), searched from
// the back: ingest asks about the recent past, a few spans from the end of a long lane.
std::size_t first_ending_at_or_after(const SpanList& spans, Nanos from) {
  const auto ends_before = [&](std::size_t i) {
    const Nanos end = spans.end_of(i);
    return end != kOpenEnd && end < from;
  };
  std::size_t lo = 0, hi = spans.size(), step = 1;
  while (hi > 0) {
    const std::size_t probe = hi > step ? hi - step : 0;
    if (ends_before(probe)) {
      lo = probe + 1;
      break;
    }
    hi = probe;
    step *= 2;
  }
  // ends_before holds below lo and fails from hi on.
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (ends_before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

Nanos work_of(const SpanList& spans, std::size_t i) {
  const SpanKind kind = spans.kind_of(i);
  if (kind != SpanKind::Step && kind != SpanKind::Callback) return 0;
  const Nanos end = spans.end_of(i);
  return end == kOpenEnd ? 0 : end - spans.start_of(i);
}

// The work of span i inside [from, to] (an open span runs until `to`).
Nanos work_within(const SpanList& spans, std::size_t i, Nanos from, Nanos to) {
  const SpanKind kind = spans.kind_of(i);
  if (kind != SpanKind::Step && kind != SpanKind::Callback) return 0;
  const Nanos end = spans.end_of(i);
  const Nanos a = std::max(spans.start_of(i), from);
  const Nanos b = std::min(end == kOpenEnd ? to : end, to);
  return b > a ? b - a : 0;
}

// Brings loop.work_before up to the packed spans (which no longer change).
const std::vector<Nanos>& work_prefix(const Lane& loop) {
  std::vector<Nanos>& prefix = loop.work_before;
  if (prefix.empty()) prefix.push_back(0);
  const SpanList& spans = loop.spans;
  while (prefix.size() <= spans.packed_size()) prefix.push_back(prefix.back() + work_of(spans, prefix.size() - 1));
  return prefix;
}

// The first span that starts after t.
std::size_t first_starting_after(const SpanList& spans, Nanos t) {
  const auto indexes = std::views::iota(std::size_t{0}, spans.size());
  return *std::ranges::partition_point(indexes, [&](std::size_t i) { return spans.start_of(i) <= t; });
}

}  // namespace

// Spans [first, last) meet [from, to]; all but the first and the last lie inside it, so their
// work comes from the prefix sum: a wait of any length costs two binary searches (a task that
// waited behind thousands of steps used to cost a pass over them at every step of a busy loop).
Nanos loop_work_ns(const Lane& loop, Nanos from, Nanos to, Nanos enough) {
  if (to <= from) return 0;
  const SpanList& spans = loop.spans;
  const std::size_t first = first_ending_at_or_after(spans, from);
  const std::size_t last = std::max(first, first_starting_after(spans, to));
  if (last - first <= 2) {
    Nanos work = 0;
    for (std::size_t i = first; i < last && work < enough; ++i) work += work_within(spans, i, from, to);
    return work;
  }
  const std::vector<Nanos>& prefix = work_prefix(loop);
  // Spans first+1 .. last-2 are whole and packed (only the very last span is not).
  return work_within(spans, first, from, to) + (prefix[last - 1] - prefix[first + 1]) +
         work_within(spans, last - 1, from, to);
}

}  // namespace loopscope
