#include "ui/timeline/lane_palette.h"

#include <algorithm>

namespace loopscope::timeline {

namespace {

bool same_colours(const Theme& a, const Theme& b) {
  return a.id == b.id && a.lane_main == b.lane_main && a.lane_loop == b.lane_loop && a.lane_thread == b.lane_thread &&
         a.lane_gen == b.lane_gen && a.task_hues == b.task_hues && a.text_dim == b.text_dim;
}

}  // namespace

void LanePalette::refresh(const Trace& trace, const Theme& theme) {
  const auto& lanes = trace.lanes();
  const bool same_lanes = kinds_.size() == lanes.size() &&
                          std::equal(kinds_.begin(), kinds_.end(), lanes.begin(),
                                     [](LaneKind kind, const Lane& lane) { return kind == lane.kind; });
  if (same_lanes && same_colours(theme_, theme)) return;
  theme_ = theme;
  fallback_ = theme.text_dim;
  colors_.clear();
  kinds_.clear();
  int tasks = 0;
  for (const Lane& lane : lanes) {
    kinds_.push_back(lane.kind);
    switch (lane.kind) {
      case LaneKind::Main: colors_.push_back(theme.lane_main); break;
      case LaneKind::Loop: colors_.push_back(theme.lane_loop); break;
      case LaneKind::Thread: colors_.push_back(theme.lane_thread); break;
      case LaneKind::Gen: colors_.push_back(theme.lane_gen); break;
      case LaneKind::Task: colors_.push_back(theme.task_hue(tasks++)); break;
    }
  }
}

Rgba LanePalette::of(LaneId lane) const {
  if (lane < 0 || static_cast<std::size_t>(lane) >= colors_.size()) return fallback_;
  return colors_[static_cast<std::size_t>(lane)];
}

}  // namespace loopscope::timeline
