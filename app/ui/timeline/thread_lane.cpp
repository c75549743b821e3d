#include <algorithm>

#include "ui/timeline/lane_kinds.h"
#include "ui/timeline/timeline_describe.h"

namespace loopscope::timeline {

namespace {

// The job's name and a blocking call inside it share one line, just above the call's band:
// the label placer then keeps them apart ("crunch   time.sleep(0.1)"), and neither touches the
// band.
float label_line(const RowPainter& row) { return std::min(row.label_mid(), row.above_band_mid(Font::Label)); }

}  // namespace

void ThreadLane::paint_span(RowPainter& row, const Lane& lane, const Span& span, const SpanItem& item) const {
  if (span.kind != SpanKind::Job) return;
  const float x0 = item.x0, x1 = std::max(item.x1, item.x0 + 1.0f);
  const Rgba color = row.colors.of(lane.id);
  row.solid_bar(x0, x1, color, span.flags & kSpanFailed);
  row.label(x0, x1, label_line(row), Font::Label, row.theme.text_on(color), span_label(row.trace, lane, span));
}

RowPainter::PlacedText ThreadLane::place_overlay_label(RowPainter& row, const Lane& lane, const Span&,
                                                       const SpanItem& item, std::string_view text) const {
  const float x1 = std::max(item.x1, item.x0 + 1.0f);
  return row.place_label(item.x0, x1, label_line(row), Font::Small,
                         fade(row.theme.text_on(row.colors.of(lane.id)), 0.8f), text);
}

}  // namespace loopscope::timeline
