#include <algorithm>

#include "ui/timeline/lane_kinds.h"
#include "ui/timeline/timeline_describe.h"

namespace loopscope::timeline {

void LoopLane::paint_span(RowPainter& row, const Lane& lane, const Span& span, const SpanItem& item) const {
  const float x0 = item.x0, x1 = std::max(item.x1, item.x0 + 1.0f);
  switch (span.kind) {
    case SpanKind::Step: {  // a task step: in the task's colour, named after it
      const Rgba color = row.colors.of(span.target);
      row.solid_bar(x0, x1, color, span.flags & (kSpanStalled | kSpanFailed));
      row.label(x0, x1, row.label_mid(), Font::Label, row.theme.text_on(color), row.names.title(span.target));
      break;
    }
    case SpanKind::Callback:
      row.solid_bar(x0, x1, row.theme.lane_loop, span.flags & kSpanStalled);
      row.label(x0, x1, row.label_mid(), Font::Label, row.theme.text_on(row.theme.lane_loop), span_label(row.trace, lane, span));
      break;
    case SpanKind::Idle: {  // waiting in select: a faint line, "idle" above it when wide
      const float band = std::max(2.0f, (row.y1 - row.y0) * 0.2f);
      row.canvas.rect({x0, row.label_mid() - band * 0.5f}, {x1, row.label_mid() + band * 0.5f}, row.theme.idle);
      if (x1 - x0 > row.style.font * 4)
        row.label(x0, x1, row.label_mid(), Font::Small, row.theme.text_dim, "idle");
      break;
    }
    default: break;
  }
}

void LoopLane::paint_overlay(RowPainter& row, const Lane&, const Span&, const SpanItem& item,
                             const RowPainter::PlacedText& label) const {
  paint_blocking(row, item, true, label);
}

RowPainter::PlacedText LoopLane::place_overlay_label(RowPainter& row, const Lane&, const Span&,
                                                     const SpanItem& item, std::string_view text) const {
  return place_blocking_label(row, item, text);
}

Rgba LoopLane::merged_color(const RowPainter& row, const Lane&) const { return row.theme.lane_loop; }

}  // namespace loopscope::timeline
