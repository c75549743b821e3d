// One timeline, laid out and painted: the rows (lanes and group headers) with their heights and
// positions, the level-of-detail items in view, the ruler, links, the playhead and the lane
// names column. The screen view, the SVG export and offscreen frames all paint through this one
// class, so they cannot disagree; hit testing and tooltips are answered from the same layout.
// (Tracy's TimelineContext: rebuilt for every frame, nothing drawn outside it.)
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/lane_names.h"
#include "core/theme.h"
#include "core/time_axis.h"
#include "core/timeline_frame.h"
#include "core/trace_model.h"
#include "ui/timeline/canvas.h"
#include "ui/timeline/label_placer.h"
#include "ui/timeline/lane_item.h"
#include "ui/timeline/lane_palette.h"
#include "ui/timeline/timeline_style.h"

namespace loopscope::timeline {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
};

// Lanes folded together under one header row.
enum class LaneGroup : std::uint8_t {
  None,
  Library,     // tasks that only ran library code (a server's internals)
  Generators,  // generator and iterator objects
};

// What to show: the "my code / everything" switch and the open groups.
struct TimelineOptions {
  bool show_library = false;
  bool show_generators = true;
  std::string title;  // a title line above the ruler (exports); empty: none
};

// What the view adds on top of the trace for one frame.
// "Which task runs next?" on the rows: the lanes offered as answers are outlined; once
// answered, the answer is outlined in the "ok" colour and a wrong pick in the error colour.
struct QuizMarks {
  std::vector<LaneId> offered;
  LaneId answer = kNoLane;
  LaneId wrong = kNoLane;
};

struct PaintState {
  EventIndex playhead = kNoEvent;
  QuizMarks quiz;
  LaneId selected_lane = kNoLane;
  bool range_drag = false;  // a range being dragged out to zoom to
  float range_x0 = 0, range_x1 = 0;
  std::string empty_hint;   // shown when the trace is empty
};

struct Row {
  LaneId lane = kNoLane;              // kNoLane: a group header
  LaneGroup group = LaneGroup::None;  // the group the lane belongs to, or the header's
  float y0 = 0, y1 = 0;               // on the canvas, scroll applied
};

// What is under a point of the canvas.
struct Hit {
  LaneId lane = kNoLane;
  EventIndex event = kNoEvent;       // the event of the span or marker under it
  LaneGroup group = LaneGroup::None; // a group header row
  bool header = false;               // over the lane names column
  bool ruler = false;                // over the ruler
  bool in_plot = false;              // over the time strip
  Nanos t = 0;                       // the time under x
  std::string tooltip;
};

class TimelineScene {
 public:
  // Refreshes what depends only on the trace and theme (lane kinds, names, colours).
  void sync(const Trace& trace, const Theme& theme);
  // Lays out the rows in `area` and builds the items for the axis' range. The axis' pixel
  // strip is set here (it sits right of the names column). `scroll_y` scrolls the rows.
  void layout(const Trace& trace, TimeAxis& axis, const TimelineStyle& style, const TimelineOptions& options, Rect area,
              float scroll_y);
  void paint(Canvas& canvas, const Trace& trace, const Theme& theme, const TimeAxis& axis, const PaintState& state);
  Hit hit(const Trace& trace, const TimeAxis& axis, float x, float y) const;

  const std::vector<Row>& rows() const { return rows_; }
  const LaneNames& names() const { return names_; }
  const LanePalette& colors() const { return colors_; }
  const TimelineStyle& style() const { return style_; }
  float rows_top() const { return rows_top_; }
  float content_height() const { return content_h_; }  // all rows, unscrolled
  float max_scroll() const { return std::max(0.0f, content_h_ - (area_.bottom() - rows_top_)); }
  // The row of `lane` (nullptr when it has none: folded, or not worth a row).
  const Row* row_of(LaneId lane) const;
  // Lanes per group (shown or folded), for the headers.
  std::size_t group_size(LaneGroup group) const;
  std::size_t rows_below_view() const;  // lanes that need scrolling down to be seen

  // The height a whole trace needs (every row, the ruler and a title line): exports size
  // their canvas with it.
  static float full_height(const Trace& trace, const TimelineStyle& style, const TimelineOptions& options);

 private:
  void build_rows(const Trace& trace, const TimelineOptions& options, float top);
  void paint_rows(Canvas& canvas, const Trace& trace, const Theme& theme, const TimeAxis& axis);
  void paint_ruler(Canvas& canvas, const Theme& theme, const TimeAxis& axis) const;
  void paint_links(Canvas& canvas, const Trace& trace, const Theme& theme) const;
  void paint_playhead(Canvas& canvas, const Trace& trace, const Theme& theme, const TimeAxis& axis,
                      EventIndex playhead) const;
  void paint_headers(Canvas& canvas, const Trace& trace, const Theme& theme, LaneId selected) const;
  void paint_unrecorded(Canvas& canvas, const Trace& trace, const Theme& theme, const TimeAxis& axis) const;
  void paint_quiz(Canvas& canvas, const Theme& theme, const QuizMarks& quiz) const;
  void paint_scroll_hint(Canvas& canvas, const Theme& theme) const;
  std::string group_title(LaneGroup group) const;

  std::vector<std::unique_ptr<LaneItem>> items_;  // per lane
  std::vector<LaneKind> item_kinds_;               // the kind each item was made for
  LaneNames names_;
  LanePalette colors_;
  TimelineStyle style_;
  TimelineOptions options_;
  Rect area_;
  float rows_top_ = 0, content_h_ = 0, title_h_ = 0;
  std::vector<Row> rows_;
  std::vector<LaneId> shown_;          // lanes with a visible row, in row order (build_frame's input)
  std::vector<float> centre_y_;        // per lane: its row's centre, -1 without one
  std::vector<std::size_t> group_sizes_ = std::vector<std::size_t>(3, 0);
  TimelineFrame frame_;
  LabelPlacer labels_;
};

// A lane worth a row: a thread (or, when a loop runs, main) with nothing of its own only hosts
// a loop, whose row shows what it did.
bool worth_a_row(const Trace& trace, const Lane& lane);

}  // namespace loopscope::timeline
