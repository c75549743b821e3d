// The timeline as a plain SVG document (no ImGui, no GL): the same rows, visual language and
// level of detail as the panel, for slides and handouts. Colours mirror the app's dark and
// light themes.
#pragma once

#include <string>

#include "core/trace_model.h"

namespace loopscope {

struct TimelineExportOptions {
  double t0 = 0, t1 = 0;        // time range; t1 <= t0: the whole run
  int width = 1600;             // image width in px (the height follows the rows)
  bool light = false;           // the light (projector) theme
  bool hide_gens = false;       // leave the generator lanes out
  EventIndex playhead = kNoEvent;  // drawn as a vertical line when set
};

std::string timeline_svg(const Trace& trace, const TimelineExportOptions& options);
bool export_timeline_svg(const Trace& trace, const TimelineExportOptions& options, const std::string& path,
                         std::string* error);

}  // namespace loopscope
