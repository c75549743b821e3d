#include "core/starvation.h"

#include <algorithm>

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

}  // namespace

Nanos loop_work_ns(const Lane& loop, Nanos from, Nanos to, Nanos enough) {
  if (to <= from) return 0;
  const SpanList& spans = loop.spans;
  Nanos work = 0;
  for (std::size_t i = first_ending_at_or_after(spans, from); i < spans.size() && work < enough; ++i) {
    const Nanos start = spans.start_of(i);
    if (start > to) break;
    const SpanKind kind = spans.kind_of(i);
    if (kind != SpanKind::Step && kind != SpanKind::Callback) continue;
    const Nanos end = spans.end_of(i);
    const Nanos a = std::max(start, from);
    const Nanos b = std::min(end == kOpenEnd ? to : end, to);
    if (b > a) work += b - a;
  }
  return work;
}

}  // namespace loopscope
