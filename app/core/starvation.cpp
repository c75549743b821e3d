#include "core/starvation.h"

#include <algorithm>

#include "core/lod.h"

namespace loopscope {

Nanos loop_work_ns(const Lane& loop, Nanos from, Nanos to, Nanos enough) {
  if (to <= from) return 0;
  const auto [begin, end] = visible_span_range(loop.spans, static_cast<double>(from), static_cast<double>(to));
  Nanos work = 0;
  for (std::size_t i = begin; i < end && work < enough; ++i) {
    const Span& s = loop.spans[i];
    if (s.kind != SpanKind::Step && s.kind != SpanKind::Callback) continue;
    const Nanos a = std::max(s.start, from);
    const Nanos b = std::min(s.end == kOpenEnd ? to : s.end, to);
    if (b > a) work += b - a;
  }
  return work;
}

}  // namespace loopscope
