// The colour of each lane, the same in every panel and every export: main and loop in neutral
// tones, worker threads amber, generators teal, tasks cycling through the theme's task hues in
// creation order (stable across runs of the same program).
#pragma once

#include <vector>

#include "core/theme.h"
#include "core/trace_model.h"

namespace loopscope::timeline {

class LanePalette {
 public:
  // Cheap when no lane was added and the theme is the same.
  void refresh(const Trace& trace, const Theme& theme);
  Rgba of(LaneId lane) const;

 private:
  std::vector<Rgba> colors_;
  std::vector<LaneKind> kinds_;  // what the colours were picked for
  Theme theme_;                  // the theme they come from
  Rgba fallback_ = 0;
};

}  // namespace loopscope::timeline
