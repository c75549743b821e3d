// What File > Save/Export calls: the Chrome trace export (core/chrome_export.h) and the
// timeline SVG exporter (ui/timeline_svg.h). The timeline PNG is captured from the screen by
// the App itself (exactly what is shown), see App::CaptureTimelinePng.
#pragma once

#include <string>

#include "core/trace_model.h"

namespace loopscope::ui {

bool export_chrome_trace(const Trace& trace, const std::string& path, std::string* error);
bool export_timeline_svg(const Trace& trace, const std::string& path, bool light, EventIndex playhead, std::string* error);

}  // namespace loopscope::ui
