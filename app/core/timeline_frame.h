// One frame of the timeline as plain data: which lanes are rows (in order) and, per row, the
// level-of-detail span/overlay/instant items in view, plus the visible links and ruler ticks.
// Built without a window (so it is benchmarked and tested headless); the ImGui view only
// turns these items into draw calls.
#pragma once

#include <cstdint>
#include <vector>

#include "core/lod.h"
#include "core/time_axis.h"
#include "core/trace_model.h"

namespace loopscope {

struct RowItems {
  LaneId lane = kNoLane;
  std::vector<SpanItem> spans;
  std::vector<SpanItem> overlays;
  std::vector<InstantItem> instants;
};

struct LinkItem {
  float x0 = 0, x1 = 0;  // px of from_t / to_t
  LaneId from = kNoLane, to = kNoLane;
  std::uint32_t link = 0;  // index into Trace::links()
};

struct TimelineFrame {
  std::vector<RowItems> rows;   // same order as the `rows` given to build_frame
  std::vector<LinkItem> links;  // both ends on shown rows, overlapping the view
  std::size_t links_in_view = 0;  // counted up to the cap (the view fades links when dense)
  std::vector<AxisTick> ticks;
  void clear_items();             // keeps the vectors' capacity
};

// Lanes in display order: main, loop, tasks (by creation), worker threads, then generator
// lanes unless `hide_gens`.
std::vector<LaneId> timeline_rows(const Trace& trace, bool hide_gens);

// The end time used for spans that are still open (live runs).
Nanos open_end_time(const Trace& trace);

// What "fit" shows: from the start of the script's own activity (not the interpreter's start-up)
// to the end of the run.
void fit_to_run(TimeAxis& axis, const Trace& trace);

// Fills `frame` for `rows` at the axis' current range. At most `max_links` links are kept; ruler
// labels are at least `min_label_px` apart (wider text, further apart).
void build_frame(const Trace& trace, const TimeAxis& axis, const std::vector<LaneId>& rows,
                 TimelineFrame& frame, std::size_t max_links = 4000, float min_label_px = 90.0f);

}  // namespace loopscope
