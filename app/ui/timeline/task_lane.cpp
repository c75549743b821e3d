#include <algorithm>

#include "core/time_axis.h"
#include "ui/timeline/lane_kinds.h"
#include "ui/timeline/timeline_describe.h"

namespace loopscope::timeline {

namespace {

// Above the band of a suspension: what it awaits.
void suspension(RowPainter& row, const Lane& lane, const Span& span, float x0, float x1) {
  const Rgba color = row.colors.of(lane.id);
  row.bottom_band(x0, x1, with_alpha(color, 0.55f));
  row.label(x0, x1, row.above_band_mid(Font::Label), Font::Label, row.theme.text_dim, span_label(row.trace, lane, span));
}

// Ready: woken, waiting for its turn. Starved (the loop ran other work for long): hatched and
// labelled with how long; a short wait for a busy loop's other ready callbacks: a quiet outline.
void ready(RowPainter& row, const Lane& lane, const Span& span, float x0, float x1) {
  const Rgba color = row.colors.of(lane.id);
  if (!(span.flags & kSpanStarved)) {
    row.canvas.rect_outline({x0, row.bar_top()}, {x1, row.bar_bottom()}, with_alpha(color, 0.45f), 1.0f, 2.0f);
    return;
  }
  row.hatched_block(x0, x1, color);
  const Nanos end = span.end == kOpenEnd ? row.open_end : span.end;
  const std::string waited = format_duration(static_cast<double>(end - span.start));
  const bool due = late_timer_run(row.trace, span).has_value();
  const std::string text = (due ? "due, waiting for the loop +" : "ready, waiting for the loop +") + waited;
  if (!row.label_centred(x0, x1, Font::Label, row.theme.text, text)) row.label_centred(x0, x1, Font::Small, row.theme.text, "+" + waited);
}

}  // namespace

void TaskLane::paint_span(RowPainter& row, const Lane& lane, const Span& span, const SpanItem& item) const {
  const float x0 = item.x0, x1 = std::max(item.x1, item.x0 + 1.0f);
  switch (span.kind) {
    case SpanKind::Step: {
      const Rgba color = row.colors.of(lane.id);
      row.solid_bar(x0, x1, color, span.flags & (kSpanStalled | kSpanFailed));
      row.label(x0, x1, row.label_mid(), Font::Label, row.theme.text_on(color), span_label(row.trace, lane, span));
      break;
    }
    case SpanKind::Suspended: suspension(row, lane, span, x0, x1); break;
    case SpanKind::Ready: ready(row, lane, span, x0, x1); break;
    default: break;
  }
}

void TaskLane::paint_overlay(RowPainter& row, const Lane&, const Span&, const SpanItem& item,
                             const RowPainter::PlacedText& label) const {
  paint_blocking(row, item, true, label);
}

RowPainter::PlacedText TaskLane::place_overlay_label(RowPainter& row, const Lane&, const Span&,
                                                     const SpanItem& item, std::string_view text) const {
  return place_blocking_label(row, item, text);
}

}  // namespace loopscope::timeline
