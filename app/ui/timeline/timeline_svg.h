// The timeline as an SVG document, painted by the same TimelineScene as the screen: for slides
// and handouts. No window needed (the CLI and tests use it headless).
#pragma once

#include <string>

#include "core/theme.h"
#include "core/trace_model.h"
#include "ui/timeline/canvas.h"
#include "ui/timeline/export_picture.h"
#include "ui/timeline/timeline_scene.h"

namespace loopscope::timeline {

// `metrics` measures text as the export will show it (the app passes its own fonts').
std::string timeline_svg(const Trace& trace, const Theme& theme, const TextMetrics& metrics, const SvgExportOptions& options);
bool save_timeline_svg(const Trace& trace, const Theme& theme, const TextMetrics& metrics, const SvgExportOptions& options,
                       const std::string& path, std::string* error);

}  // namespace loopscope::timeline
