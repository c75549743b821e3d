#include "ui/timeline/lane_kinds.h"

namespace loopscope::timeline {

void MainLane::paint_span(RowPainter&, const Lane&, const Span&, const SpanItem&) const {
  // The model draws no spans on main (its blocking calls are overlays, its prints markers).
}

}  // namespace loopscope::timeline
