#include "core/timeline_frame.h"

#include <algorithm>
#include <cmath>

namespace loopscope {

void TimelineFrame::clear_items() {
  for (RowItems& row : rows) {
    row.spans.clear();
    row.overlays.clear();
    row.instants.clear();
  }
  links.clear();
  links_in_view = 0;
  ticks.clear();
}

std::vector<LaneId> timeline_rows(const Trace& trace, bool hide_gens) {
  std::vector<LaneId> rows;
  const auto& lanes = trace.lanes();
  rows.reserve(lanes.size());
  for (LaneKind kind : {LaneKind::Main, LaneKind::Loop, LaneKind::Task, LaneKind::Thread, LaneKind::Gen}) {
    if (kind == LaneKind::Gen && hide_gens) break;
    for (const Lane& lane : lanes) {
      if (lane.kind == kind) rows.push_back(lane.id);
    }
  }
  return rows;
}

Nanos open_end_time(const Trace& trace) { return trace.end_time(); }

void fit_to_run(TimeAxis& axis, const Trace& trace) {
  const Nanos end = std::max<Nanos>(trace.end_time(), 1000);
  axis.set_run_end(end);
  axis.fit(static_cast<double>(std::min(trace.activity_start(), end)), static_cast<double>(end));
}

void build_frame(const Trace& trace, const TimeAxis& axis, const std::vector<LaneId>& rows, TimelineFrame& frame,
                 std::size_t max_links, float min_label_px) {
  frame.clear_items();
  frame.rows.resize(rows.size());
  const Nanos open_end = open_end_time(trace);
  const auto& lanes = trace.lanes();

  // Row index of each lane (-1: not shown), for the links.
  std::vector<int> row_of(lanes.size(), -1);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    RowItems& row = frame.rows[r];
    row.lane = rows[r];
    if (rows[r] < 0 || static_cast<std::size_t>(rows[r]) >= lanes.size()) continue;
    row_of[static_cast<std::size_t>(rows[r])] = static_cast<int>(r);
    const Lane& lane = lanes[static_cast<std::size_t>(rows[r])];
    lod_spans(lane.spans, axis, open_end, row.spans);
    lod_spans(lane.overlays, axis, open_end, row.overlays);
    lod_instants(lane.instants, axis, row.instants);
  }

  // Links with both ends on shown rows, in trace order, up to max_links: counting stops there
  // too (the view draws a dense tangle faintly, however dense).
  const auto t0 = static_cast<Nanos>(std::ceil(axis.start())), t1 = static_cast<Nanos>(std::floor(axis.end()));
  const auto shown = [&](LaneId lane) {
    return lane >= 0 && static_cast<std::size_t>(lane) < row_of.size() && row_of[static_cast<std::size_t>(lane)] >= 0;
  };
  if (max_links > 0) trace.links().visit_overlapping(t0, t1, [&](std::size_t i, const Link& link) {
    if (!shown(link.from) || !shown(link.to) || link.from == link.to) return true;
    ++frame.links_in_view;
    frame.links.push_back({axis.x_of(static_cast<double>(link.from_t)), axis.x_of(static_cast<double>(link.to_t)),
                           link.from, link.to, static_cast<std::uint32_t>(i)});
    return frame.links.size() < max_links;
  });
  frame.ticks = axis.ticks(min_label_px);
}

}  // namespace loopscope
