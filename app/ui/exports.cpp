#include "ui/exports.h"

#include "core/chrome_export.h"
#include "ui/imgui_canvas.h"
#include "ui/timeline/timeline_svg.h"

namespace loopscope::ui {

bool export_chrome_trace(const Trace& trace, const std::string& path, std::string* error) {
  return save_chrome_trace(trace, path, error);
}

bool export_timeline_svg(const Trace& trace, const std::string& path, const Theme& theme,
                         const timeline::SvgExportOptions& options, std::string* error) {
  const ImGuiTextMetrics metrics(timeline_fonts());
  return timeline::save_timeline_svg(trace, theme, metrics, options, path, error);
}

}  // namespace loopscope::ui
