// The timeline panel: one row per lane (main, loop, tasks, worker threads, generators), a time
// ruler, the playhead, links, and a toolbar above (transport, pace, step filter, follow, fit).
// It reads the Trace, moves the App's Playhead and Selection, and keeps only view state
// (axis, collapsed groups, drag state). Frame items come from core/timeline_frame.h.
#pragma once

#include <string>
#include <vector>

#include "core/playhead.h"
#include "core/time_axis.h"
#include "core/timeline_frame.h"
#include "core/trace_model.h"
#include "core/view_selection.h"

namespace loopscope {

struct TimelineView {
  // Draws into the current ImGui window (fills the available region). `live`: a run is still
  // streaming events (the axis grows with it while follow-live is on).
  void Draw(const Trace& trace, Playhead& playhead, Selection& selection, bool live);

  // Global shortcuts (Space, arrows, Home/End, F, ?). Draw() calls it; call it yourself only if
  // the timeline is not drawn this frame. Ignored while a text field is active.
  void HandleKeys(const Trace& trace, Playhead& playhead, Selection& selection);

  void RequestFit() { fit_requested_ = true; }  // fit the whole run at the next Draw
  void OnNewTrace() { fit_requested_ = true; last_event_count_ = 0; }
  const TimeAxis& axis() const { return axis_; }
  bool show_shortcuts = false;  // the `?` overlay
  bool hide_gens = false;       // generator lanes collapsed into their group header

 private:
  void DrawToolbar(const Trace& trace, Playhead& playhead, Selection& selection, bool live);
  void DrawCanvas(const Trace& trace, Playhead& playhead, Selection& selection, bool live);
  void HandleMouse(const Trace& trace, Playhead& playhead, Selection& selection);
  void DrawShortcutsOverlay();

  TimeAxis axis_;
  TimelineFrame frame_;
  std::vector<LaneId> rows_;
  std::vector<float> row_y_;       // top of each row, relative to the canvas
  float header_width_ = 0;
  float canvas_x_ = 0, canvas_y_ = 0, canvas_w_ = 0, canvas_h_ = 0, rows_top_ = 0;
  float scroll_y_ = 0;
  bool fit_requested_ = true;
  std::size_t last_event_count_ = 0;
  // Shift/right-drag range selection, in px (valid while range_dragging_).
  bool range_dragging_ = false;
  float range_x0_ = 0, range_x1_ = 0;
  // What the mouse is over (set while drawing, used for tooltip and click).
  LaneId hover_lane_ = kNoLane;
  EventIndex hover_event_ = kNoEvent;
  std::string hover_text_;
};

}  // namespace loopscope
