// Level of detail for the timeline (Tracy's idea): in the visible range only, spans narrower
// than a few pixels are merged into one "N spans" item and instants closer than a few pixels
// are clustered, so a lane yields at most about width/min_px items whatever its size. Sorted,
// non-overlapping input is searched by bisection; dense runs are skipped, never walked.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/time_axis.h"
#include "core/trace_model.h"

namespace loopscope {

inline constexpr float kMergePx = 3.0f;     // spans narrower than this merge with neighbours
inline constexpr float kClusterPx = 7.0f;   // instants closer than this cluster

struct SpanItem {
  float x0 = 0, x1 = 0;       // px, clipped to the view (a little beyond its edges)
  Nanos start = 0, end = 0;   // first span's start .. last span's end (open end resolved)
  std::uint32_t first = 0;    // index of the first span in the lane's list
  std::uint32_t count = 1;    // 1: one span; more: a merged run of narrow spans
  SpanKind kind = SpanKind::Step;  // the first span's kind
  bool merged() const { return count > 1; }
};

struct InstantItem {
  float x = 0;                // px of the first instant
  std::uint32_t first = 0;    // index of the first instant in the lane's list
  std::uint32_t count = 1;    // instants clustered here
};

// The index range of `spans` (sorted by start, not overlapping) that overlaps [t0, t1].
// An open span (end == kOpenEnd, only ever the last one) reaches forever.
std::pair<std::size_t, std::size_t> visible_span_range(const SpanList& spans, double t0, double t1);

// Appends the draw items of `spans` for the axis' visible range to `out`.
void lod_spans(const SpanList& spans, const TimeAxis& axis, Nanos open_end,
               std::vector<SpanItem>& out, float min_px = kMergePx);

// Appends the clustered instants (sorted by t) in the visible range to `out`.
void lod_instants(const InstantList& instants, const TimeAxis& axis,
                  std::vector<InstantItem>& out, float min_px = kClusterPx);

}  // namespace loopscope
