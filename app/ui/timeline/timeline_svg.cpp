#include "ui/timeline/timeline_svg.h"

#include <fstream>

#include "ui/timeline/svg_canvas.h"

namespace loopscope::timeline {

std::string timeline_svg(const Trace& trace, const Theme& theme, const TextMetrics& metrics, const SvgExportOptions& options) {
  ExportPicture picture(trace, theme, metrics, options);
  SvgCanvas canvas(metrics, picture.width(), picture.height());
  picture.paint(canvas);
  return canvas.finish();
}

bool save_timeline_svg(const Trace& trace, const Theme& theme, const TextMetrics& metrics, const SvgExportOptions& options,
                       const std::string& path, std::string* error) {
  std::ofstream file(path, std::ios::binary);
  if (!file) {
    if (error) *error = "cannot write " + path;
    return false;
  }
  file << timeline_svg(trace, theme, metrics, options);
  file.close();
  if (!file) {
    if (error) *error = "writing " + path + " failed";
    return false;
  }
  return true;
}

}  // namespace loopscope::timeline
