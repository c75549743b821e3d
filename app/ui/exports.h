// What File > Save/Export calls: the Chrome trace export (core/chrome_export.h) and the
// timeline as SVG, painted by the timeline's own painter with the screen's fonts and theme.
#pragma once

#include <string>

#include "core/theme.h"
#include "core/trace_model.h"
#include "ui/timeline/timeline_svg.h"

namespace loopscope::ui {

bool export_chrome_trace(const Trace& trace, const std::string& path, std::string* error);
// The timeline as shown (`options`: the range and groups of the view), in the screen's fonts.
bool export_timeline_svg(const Trace& trace, const std::string& path, const Theme& theme,
                         const timeline::SvgExportOptions& options, std::string* error);

}  // namespace loopscope::ui
