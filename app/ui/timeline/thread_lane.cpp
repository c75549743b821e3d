#include <algorithm>

#include "ui/timeline/lane_kinds.h"
#include "ui/timeline/timeline_describe.h"

namespace loopscope::timeline {

void ThreadLane::paint_span(RowPainter& row, const Lane& lane, const Span& span, const SpanItem& item) const {
  if (span.kind != SpanKind::Job) return;
  const float x0 = item.x0, x1 = std::max(item.x1, item.x0 + 1.0f);
  const Rgba color = row.colors.of(lane.id);
  row.solid_bar(x0, x1, color, span.flags & kSpanFailed);
  row.label(x0, x1, row.label_mid(), Font::Label, row.theme.text_on(color), span_label(row.trace, lane, span));
}

RowPainter::PlacedText ThreadLane::place_overlay_label(RowPainter& row, const Lane& lane, const Span& span,
                                                       const SpanItem& item) const {
  const float x1 = std::max(item.x1, item.x0 + 1.0f);
  return row.place_label(item.x0, x1, row.above_band_mid(Font::Small), Font::Small,
                         fade(row.theme.text_on(row.colors.of(lane.id)), 0.8f), span_label(row.trace, lane, span));
}

}  // namespace loopscope::timeline
