// The inspector: the state of the program at the playhead (tasks, the loop's ready queue and
// timers, worker threads, generators) and the details of the selected event.
#pragma once

#include "core/lane_names.h"
#include "core/playhead.h"
#include "core/trace_model.h"
#include "core/trace_state.h"
#include "core/view_selection.h"
#include "ui/lane_colors.h"

namespace loopscope::ui {

class InspectorView {
 public:
  // Returns a line to show in the code pane when the user clicked one (0: none).
  int Draw(const Trace& trace, Playhead& playhead, Selection& selection, const LaneColors& colors);
  void Reset() { cached_position_ = kNoEvent; cached_events_ = 0; }

 private:
  StateAt state_;
  LaneNames names_;  // lanes called as the timeline titles them
  EventIndex cached_position_ = kNoEvent;
  std::size_t cached_events_ = 0;
};

}  // namespace loopscope::ui
