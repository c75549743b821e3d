// The timeline as an SVG document, painted by the same TimelineScene as the screen: for slides
// and handouts. No window needed (the CLI and tests use it headless).
#pragma once

#include <string>

#include "core/theme.h"
#include "core/trace_model.h"
#include "ui/timeline/canvas.h"
#include "ui/timeline/timeline_scene.h"

namespace loopscope::timeline {

struct SvgExportOptions {
  double t0 = 0, t1 = 0;          // the time range; t1 <= t0: the whole run (from its activity)
  float width = 1600;             // px; the height follows the rows
  EventIndex playhead = kNoEvent; // drawn when set
  TimelineOptions view;           // groups shown, title
};

// `metrics` measures text as the export will show it (the app passes its own fonts').
std::string timeline_svg(const Trace& trace, const Theme& theme, const TextMetrics& metrics, const SvgExportOptions& options);
bool save_timeline_svg(const Trace& trace, const Theme& theme, const TextMetrics& metrics, const SvgExportOptions& options,
                       const std::string& path, std::string* error);

// The title line of an export: the script, and how much of the run is shown.
std::string export_title(const Trace& trace, const TimeAxis& axis);

}  // namespace loopscope::timeline
