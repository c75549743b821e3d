#include <algorithm>

#include "ui/timeline/lane_kinds.h"
#include "ui/timeline/timeline_describe.h"

namespace loopscope::timeline {

void GeneratorLane::paint_span(RowPainter& row, const Lane& lane, const Span& span, const SpanItem& item) const {
  const float x0 = item.x0, x1 = std::max(item.x1, item.x0 + 1.0f);
  const Rgba color = row.colors.of(lane.id);
  switch (span.kind) {
    case SpanKind::GenRunning:  // its own code runs: the one solid bar on the thread
      row.solid_bar(x0, x1, color, false);
      row.label(x0, x1, row.mid(), Font::Small, row.theme.text_on(color), span_label(row.trace, lane, span));
      break;
    case SpanKind::GenAwaiting: {  // inside an await: drawn like a task's suspension
      row.bottom_band(x0, x1, with_alpha(color, 0.55f));
      row.label(x0, x1, row.above_band_mid(Font::Small), Font::Small, row.theme.text_dim, span_label(row.trace, lane, span));
      break;
    }
    case SpanKind::GenPulling:  // inside the next stage's next(): a quiet dashed line pointing at it
      row.dashed_line(x0, x1, row.mid(), with_alpha(color, 0.6f));
      row.label(x0, x1, row.mid() - row.canvas.font_size(Font::Small) * 0.6f, Font::Small, row.theme.text_faint,
                "\xE2\x86\x90 " + row.names.title(span.target));
      break;
    case SpanKind::GenSuspended:  // paused at a yield, its locals kept: a grey band
      row.bottom_band(x0, x1, with_alpha(row.theme.text_faint, 0.45f));
      break;
    default: break;
  }
}

}  // namespace loopscope::timeline
