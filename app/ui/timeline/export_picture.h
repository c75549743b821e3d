// What an exported picture of the timeline holds (SVG, PNG, video frames of the timeline alone):
// the whole of one run, every lane shown, under a title line; or, comparing, a pinned run above
// the current one on one time axis, each under a title that says what differs. Laid out once,
// painted through any canvas.
#pragma once

#include <string>

#include "core/theme.h"
#include "core/time_axis.h"
#include "core/trace_model.h"
#include "ui/timeline/canvas.h"
#include "ui/timeline/timeline_scene.h"
#include "ui/timeline/timeline_style.h"

namespace loopscope::timeline {

struct SvgExportOptions {
  double t0 = 0, t1 = 0;          // the time range; t1 <= t0: the whole run (from its activity)
  float width = 1600;             // px; the height follows the rows
  EventIndex playhead = kNoEvent; // drawn when set
  TimelineOptions view;           // groups shown, title
  // Comparing: the pinned run drawn above this one, and the titles of both.
  const Trace* pinned = nullptr;
  EventIndex pinned_playhead = kNoEvent;
  std::string pinned_title, current_title;
};

class ExportPicture {
 public:
  // `metrics` sizes the fonts (the screen's, or the font files').
  ExportPicture(const Trace& trace, const Theme& theme, const TextMetrics& metrics, const SvgExportOptions& options);
  float width() const { return width_; }
  float height() const { return height_; }
  void paint(Canvas& canvas);

 private:
  struct Part {
    const Trace* trace;
    std::string band;    // the title band above it (comparing), or ""
    float band_y = 0;
    Rect area;
    EventIndex playhead = kNoEvent;
    TimelineOptions view;
    TimelineScene scene;
  };
  const Theme& theme_;
  TimelineStyle style_;
  TimeAxis axis_;
  float width_ = 0, height_ = 0, band_h_ = 0;
  std::vector<Part> parts_;
};

// The title line of an export: the script, and how much of the run is shown.
std::string export_title(const Trace& trace, const TimeAxis& axis);

}  // namespace loopscope::timeline
