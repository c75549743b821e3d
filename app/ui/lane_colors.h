// The colour of a lane, the same in every panel (code arrow, console, inspector) and in the
// timeline: the timeline's LanePalette, refreshed with the current theme.
#pragma once

#include "ui/timeline/lane_palette.h"

namespace loopscope::ui {

using LaneColors = timeline::LanePalette;

}  // namespace loopscope::ui
