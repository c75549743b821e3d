#include "ui/exports.h"

#include "core/chrome_export.h"
#include "ui/timeline_svg.h"

namespace loopscope::ui {

bool export_chrome_trace(const Trace& trace, const std::string& path, std::string* error) {
  return save_chrome_trace(trace, path, error);
}

bool export_timeline_svg(const Trace& trace, const std::string& path, bool light, EventIndex playhead, std::string* error) {
  TimelineExportOptions options;
  options.light = light;
  options.playhead = playhead;
  return loopscope::export_timeline_svg(trace, options, path, error);
}

}  // namespace loopscope::ui
