// What the user picked in the views: the selected event and lane, and what the mouse hovers.
// Shared by the timeline, code pane, inspector and console; owned by the App.
#pragma once

#include "core/trace_model.h"

namespace loopscope {

struct Selection {
  EventIndex event = kNoEvent;  // selected event (usually the playhead's too)
  LaneId lane = kNoLane;        // selected lane (Shift+Left/Right jump within it)
  EventIndex hovered_event = kNoEvent;  // under the mouse this frame (any view may set it)
  LaneId hovered_lane = kNoLane;

  void clear() { *this = Selection{}; }
  bool has_event() const { return event != kNoEvent; }
  bool has_lane() const { return lane != kNoLane; }
};

}  // namespace loopscope
