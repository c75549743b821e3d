#include "ui/lane_colors.h"

#include "platform/theme.h"

namespace loopscope::ui {

void LaneColors::refresh(const Trace& trace) {
  const int stamp = static_cast<int>(platform::current_theme());
  const auto& lanes = trace.lanes();
  if (lanes.size() == lane_count_ && stamp == theme_stamp_) return;
  theme_stamp_ = stamp;
  lane_count_ = lanes.size();
  colors_.clear();
  const auto& pal = platform::palette();
  int task_index = 0;
  for (const Lane& lane : lanes) {
    switch (lane.kind) {
      case LaneKind::Main: colors_.push_back(pal.lane_main); break;
      case LaneKind::Loop: colors_.push_back(pal.lane_loop); break;
      case LaneKind::Thread: colors_.push_back(pal.lane_thread); break;
      case LaneKind::Gen: colors_.push_back(pal.lane_gen); break;
      case LaneKind::Task: colors_.push_back(platform::task_hue(task_index++)); break;
    }
  }
}

ImU32 LaneColors::of(LaneId lane) const {
  if (lane < 0 || static_cast<std::size_t>(lane) >= colors_.size()) return platform::palette().text_dim;
  return colors_[static_cast<std::size_t>(lane)];
}

}  // namespace loopscope::ui
