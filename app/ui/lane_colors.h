// The colour of a lane, the same in every panel (code arrow, console, inspector): main and
// loop in neutral tones, worker threads amber, generators teal, tasks cycling through hues in
// creation order.
#pragma once

#include <imgui.h>

#include <vector>

#include "core/trace_model.h"

namespace loopscope::ui {

// Per-lane colours for one trace; refresh() is cheap when no lane was added.
class LaneColors {
 public:
  void refresh(const Trace& trace);
  ImU32 of(LaneId lane) const;

 private:
  std::vector<ImU32> colors_;
  std::size_t lane_count_ = 0;
  int theme_stamp_ = -1;
};

}  // namespace loopscope::ui
