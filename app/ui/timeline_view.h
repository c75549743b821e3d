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
#include "ui/lane_colors.h"

namespace loopscope {

struct TimelineView {
  // Draws into the current ImGui window (fills the available region). `live`: a run is still
  // streaming events (the axis grows with it while follow-live is on).
  void Draw(const Trace& trace, Playhead& playhead, Selection& selection, bool live);

  // Global shortcuts (Space, arrows, Home/End, F, +/-, ?). Draw() calls it; call it yourself
  // only if the timeline is not drawn this frame. Ignored while a text field is active.
  void HandleKeys(const Trace& trace, Playhead& playhead, Selection& selection);

  void RequestFit() { fit_requested_ = true; }  // fit the whole run at the next Draw
  void OnNewTrace() { fit_requested_ = true; last_event_count_ = 0; scroll_y_ = 0; }
  const TimeAxis& axis() const { return axis_; }
  bool show_shortcuts = false;  // the `?` overlay
  bool hide_gens = false;       // generator lanes collapsed into their group header

 private:
  struct Row {
    LaneId lane = kNoLane;  // kNoLane: the generators' group header
    float y0 = 0, y1 = 0;   // screen y
  };

  void DrawToolbar(const Trace& trace, Playhead& playhead, Selection& selection, bool live);
  void DrawCanvas(const Trace& trace, Playhead& playhead, Selection& selection, bool live);
  void LayoutRows(const Trace& trace, float top, float font_size);
  void HandleMouse(const Trace& trace, Playhead& playhead, Selection& selection, bool hovered, bool active);
  void HitTest(const Trace& trace, float mx, float my);
  void DrawHeaders(const Trace& trace, const Selection& selection, float font_size);
  void DrawPlayhead(const Trace& trace, const Playhead& playhead, float font_size);
  void DrawShortcutsOverlay();
  void KeepVisible(const Trace& trace, EventIndex event);

  TimeAxis axis_;
  TimelineFrame frame_;
  ui::LaneColors lane_colors_;
  std::vector<LaneId> rows_;       // lanes with a row, in order (build_frame's input)
  std::vector<Row> layout_;        // rows_ plus the generators' header, with screen positions
  std::vector<float> lane_center_y_;  // per LaneId: centre of its row on screen, -1 if none
  float canvas_x_ = 0, canvas_y_ = 0, canvas_w_ = 0, canvas_h_ = 0;
  float header_w_ = 0, rows_top_ = 0, content_h_ = 0;
  float scroll_y_ = 0;
  bool fit_requested_ = true;
  std::size_t last_event_count_ = 0;
  EventIndex last_position_ = kNoEvent;  // to keep a playing playhead in view
  // Mouse gestures on the canvas.
  bool range_dragging_ = false;   // Shift+drag or right-drag: a range to zoom to
  bool scrubbing_ = false;        // dragging on the ruler
  bool panned_ = false;           // this press moved the view (so its release is no click)
  float range_x0_ = 0, range_x1_ = 0;
  // What the mouse is over.
  LaneId hover_lane_ = kNoLane;
  EventIndex hover_event_ = kNoEvent;
  Nanos hover_t_ = 0;
  bool hover_header_ = false;
  std::string hover_text_;
};

}  // namespace loopscope
