#include "core/lod.h"

#include <algorithm>
#include <cmath>

namespace loopscope {

namespace {

double end_of(const SpanList& spans, std::size_t i, Nanos open_end) {
  const auto [start, end] = spans.bounds_of(i);
  return static_cast<double>(end == kOpenEnd ? std::max(open_end, start) : end);
}

// Pixels far outside the view are clipped so float maths and draw lists stay sane.
float clip_x(float x, const TimeAxis& axis) {
  const float margin = 64.0f;
  return std::clamp(x, axis.x0() - margin, axis.x0() + axis.width() + margin);
}

// The first index in [lo, hi) where `pred` turns false (it is true, then false).
template <class Pred>
std::size_t partition_index(std::size_t lo, std::size_t hi, Pred pred) {
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (pred(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// The same, searched by galloping from lo: the answer is usually a few elements ahead, and
// probing near lo stays in cache where a bisection over the whole lane would miss on every step.
template <class Pred>
std::size_t gallop(std::size_t lo, std::size_t hi, Pred pred) {
  std::size_t step = 1, known_true_end = lo, probe = lo;
  while (probe < hi && pred(probe)) {
    known_true_end = probe + 1;
    probe = lo + step;
    step *= 2;
  }
  return partition_index(known_true_end, std::min(probe, hi), pred);
}

}  // namespace

std::pair<std::size_t, std::size_t> visible_span_range(const SpanList& spans, double t0, double t1) {
  // Not overlapping and sorted by start, so ends are sorted too: bisect on both.
  const std::size_t first = partition_index(0, spans.size(), [&](std::size_t i) {
    const Nanos end = spans.end_of(i);
    return end != kOpenEnd && static_cast<double>(end) < t0;
  });
  const std::size_t last = partition_index(first, spans.size(),
                                           [&](std::size_t i) { return static_cast<double>(spans.start_of(i)) <= t1; });
  return {first, last};
}

void lod_spans(const SpanList& spans, const TimeAxis& axis, Nanos open_end, std::vector<SpanItem>& out,
               float min_px) {
  const auto [begin, end] = visible_span_range(spans, axis.start(), axis.end());
  const double min_ns = axis.ns_per_px() * min_px;
  const auto smooth_ns = static_cast<Nanos>(std::floor(min_ns));  // integer widths below it are below min_ns
  const auto width_ns = [&](std::size_t i) {
    const auto [start, end] = spans.bounds_of(i);
    return static_cast<double>(end == kOpenEnd ? std::max(open_end, start) : end) - static_cast<double>(start);
  };

  std::size_t i = begin;
  while (i < end) {
    const Nanos start = spans.start_of(i);
    SpanItem item;
    item.first = static_cast<std::uint32_t>(i);
    item.kind = spans.kind_of(i);
    item.start = start;
    if (width_ns(i) >= min_ns) {
      item.end = static_cast<Nanos>(end_of(spans, i, open_end));
      item.x0 = clip_x(axis.x_of(static_cast<double>(start)), axis);
      item.x1 = clip_x(axis.x_of(end_of(spans, i, open_end)), axis);
      out.push_back(item);
      ++i;
      continue;
    }
    // A narrow span: absorb every following span that ends within min_px of the group's end
    // (they are all narrow and close), found by galloping, then any narrow span starting
    // within reach; stop at a wide span or a gap of min_px.
    std::size_t j = i;
    double group_end = end_of(spans, i, open_end);
    while (j + 1 < end) {
      // The rest of a page whose spans and gaps are all narrower than min_px is absorbed
      // whole (what the steps below would do span by span): a zoomed-out frame passes over a
      // lane a page at a time.
      const std::size_t limit_index = std::min(end, spans.packed_size());  // pages hold packed spans
      std::size_t page = (j + 1) / SpanList::kPage, skipped_to = j;
      while (spans.page_smooth(page, smooth_ns)) {
        const std::size_t page_last = std::min((page + 1) * SpanList::kPage, limit_index) - 1;
        if (page_last <= j + 1 || page_last <= skipped_to) break;
        skipped_to = page_last;
        ++page;
      }
      if (skipped_to > j) {
        j = skipped_to;
        group_end = end_of(spans, j, open_end);
        continue;
      }
      const double limit = group_end + min_ns;
      const std::size_t k = gallop(j + 1, end, [&](std::size_t x) { return end_of(spans, x, open_end) <= limit; });
      if (k > j + 1) {
        j = k - 1;
        group_end = end_of(spans, j, open_end);
        continue;
      }
      if (static_cast<double>(spans.start_of(k)) < limit && width_ns(k) < min_ns) {
        j = k;
        group_end = end_of(spans, j, open_end);
        continue;
      }
      break;
    }
    item.count = static_cast<std::uint32_t>(j - i + 1);
    item.end = static_cast<Nanos>(group_end);
    item.x0 = clip_x(axis.x_of(static_cast<double>(start)), axis);
    item.x1 = clip_x(axis.x_of(group_end), axis);
    out.push_back(item);
    i = j + 1;
  }
}

void lod_instants(const InstantList& instants, const TimeAxis& axis, std::vector<InstantItem>& out, float min_px) {
  const double t0 = axis.start() - axis.ns_per_px() * min_px;  // a marker's body reaches in from the left
  const double t1 = axis.end();
  const std::size_t n = instants.size();
  std::size_t i = partition_index(0, n, [&](std::size_t x) { return static_cast<double>(instants.t(x)) < t0; });
  while (i < n && static_cast<double>(instants.t(i)) < t1) {
    const double reach = static_cast<double>(instants.t(i)) + axis.ns_per_px() * min_px;
    const std::size_t next = gallop(i + 1, n, [&](std::size_t x) { return static_cast<double>(instants.t(x)) < reach; });
    InstantItem item;
    item.x = axis.x_of(static_cast<double>(instants.t(i)));
    item.first = static_cast<std::uint32_t>(i);
    item.count = static_cast<std::uint32_t>(next - i);
    out.push_back(item);
    i = next;
  }
}

}  // namespace loopscope
