#include "core/lod.h"

#include <algorithm>

namespace loopscope {

namespace {

double end_of(const Span& s, Nanos open_end) {
  return static_cast<double>(s.end == kOpenEnd ? std::max(open_end, s.start) : s.end);
}

// Pixels far outside the view are clipped so float maths and draw lists stay sane.
float clip_x(float x, const TimeAxis& axis) {
  const float margin = 64.0f;
  return std::clamp(x, axis.x0() - margin, axis.x0() + axis.width() + margin);
}

// The first index in [lo, hi) where `pred` turns false (it is true, then false), searched by
// galloping from lo: the answer is usually a few elements ahead, and probing near lo stays in
// cache where a bisection over the whole lane would miss on every step.
template <class T, class Pred>
std::size_t gallop(std::span<const T> items, std::size_t lo, std::size_t hi, Pred pred) {
  std::size_t step = 1, known_true_end = lo, probe = lo;
  while (probe < hi && pred(items[probe])) {
    known_true_end = probe + 1;
    probe = lo + step;
    step *= 2;
  }
  const auto first = items.begin() + static_cast<std::ptrdiff_t>(known_true_end);
  const auto last = items.begin() + static_cast<std::ptrdiff_t>(std::min(probe, hi));
  return static_cast<std::size_t>(std::partition_point(first, last, pred) - items.begin());
}

}  // namespace

std::pair<std::size_t, std::size_t> visible_span_range(std::span<const Span> spans, double t0, double t1) {
  // Not overlapping and sorted by start, so ends are sorted too: bisect on both.
  const auto first = std::partition_point(spans.begin(), spans.end(), [t0](const Span& s) {
    return s.end != kOpenEnd && static_cast<double>(s.end) < t0;
  });
  const auto last = std::partition_point(first, spans.end(),
                                         [t1](const Span& s) { return static_cast<double>(s.start) <= t1; });
  return {static_cast<std::size_t>(first - spans.begin()), static_cast<std::size_t>(last - spans.begin())};
}

void lod_spans(std::span<const Span> spans, const TimeAxis& axis, Nanos open_end, std::vector<SpanItem>& out,
               float min_px) {
  const auto [begin, end] = visible_span_range(spans, axis.start(), axis.end());
  const double min_ns = axis.ns_per_px() * min_px;
  const auto width_ns = [&](std::size_t i) { return end_of(spans[i], open_end) - static_cast<double>(spans[i].start); };

  std::size_t i = begin;
  while (i < end) {
    const Span& s = spans[i];
    SpanItem item;
    item.first = static_cast<std::uint32_t>(i);
    item.kind = s.kind;
    item.start = s.start;
    if (width_ns(i) >= min_ns) {
      item.end = static_cast<Nanos>(end_of(s, open_end));
      item.x0 = clip_x(axis.x_of(static_cast<double>(s.start)), axis);
      item.x1 = clip_x(axis.x_of(end_of(s, open_end)), axis);
      out.push_back(item);
      ++i;
      continue;
    }
    // A narrow span: absorb every following span that ends within min_px of the group's end
    // (they are all narrow and close), found by bisection, then any narrow span starting
    // within reach; stop at a wide span or a gap of min_px.
    std::size_t j = i;
    double group_end = end_of(s, open_end);
    while (j + 1 < end) {
      const double limit = group_end + min_ns;
      const std::size_t k = gallop(spans, j + 1, end, [&](const Span& x) { return end_of(x, open_end) <= limit; });
      if (k > j + 1) {
        j = k - 1;
        group_end = end_of(spans[j], open_end);
        continue;
      }
      if (static_cast<double>(spans[k].start) < limit && width_ns(k) < min_ns) {
        j = k;
        group_end = end_of(spans[j], open_end);
        continue;
      }
      break;
    }
    item.count = static_cast<std::uint32_t>(j - i + 1);
    item.end = static_cast<Nanos>(group_end);
    item.x0 = clip_x(axis.x_of(static_cast<double>(s.start)), axis);
    item.x1 = clip_x(axis.x_of(group_end), axis);
    out.push_back(item);
    i = j + 1;
  }
}

void lod_instants(std::span<const Instant> instants, const TimeAxis& axis, std::vector<InstantItem>& out,
                  float min_px) {
  const double t0 = axis.start() - axis.ns_per_px() * min_px;  // a marker's body reaches in from the left
  const double t1 = axis.end();
  std::size_t i = static_cast<std::size_t>(
      std::partition_point(instants.begin(), instants.end(),
                           [t0](const Instant& x) { return static_cast<double>(x.t) < t0; }) -
      instants.begin());
  while (i < instants.size() && static_cast<double>(instants[i].t) < t1) {
    const double reach = static_cast<double>(instants[i].t) + axis.ns_per_px() * min_px;
    const std::size_t next =
        gallop(instants, i + 1, instants.size(), [reach](const Instant& x) { return static_cast<double>(x.t) < reach; });
    InstantItem item;
    item.x = axis.x_of(static_cast<double>(instants[i].t));
    item.first = static_cast<std::uint32_t>(i);
    item.count = static_cast<std::uint32_t>(next - i);
    out.push_back(item);
    i = next;
  }
}

}  // namespace loopscope
