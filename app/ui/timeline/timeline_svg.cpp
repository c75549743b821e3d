#include "ui/timeline/timeline_svg.h"

#include <algorithm>
#include <fstream>

#include "core/timeline_frame.h"
#include "ui/timeline/svg_canvas.h"

namespace loopscope::timeline {

std::string export_title(const Trace& trace, const TimeAxis& axis) {
  std::string script = trace.info().script.empty() ? std::string("loopscope timeline") : trace.info().script;
  if (const auto slash = script.find_last_of('/'); slash != std::string::npos) script = script.substr(slash + 1);
  const double end = static_cast<double>(trace.end_time());
  const bool whole = axis.start() <= static_cast<double>(trace.activity_start()) && axis.end() >= end;
  if (whole) return script + "   the whole run: " + format_duration(end);
  return script + "   " + format_duration(std::max(0.0, axis.start())) + " to " + format_duration(std::min(axis.end(), end)) +
         " of a " + format_duration(end) + " run";
}

std::string timeline_svg(const Trace& trace, const Theme& theme, const TextMetrics& metrics, const SvgExportOptions& options) {
  const float width = std::max(options.width, 400.0f);
  const TimelineStyle style = TimelineStyle::for_fonts(metrics.size(Font::Label), metrics.size(Font::Small), width);
  TimeAxis axis;
  axis.set_pixels(style.header_w + style.gap, width - style.header_w - style.gap - 8);
  if (options.t1 > options.t0) {
    axis.set_run_end(std::max<Nanos>(trace.end_time(), 1000));
    axis.set_range(options.t0, options.t1);
  } else {
    fit_to_run(axis, trace);
  }
  TimelineOptions view = options.view;
  if (view.title.empty()) view.title = export_title(trace, axis);
  const float height = TimelineScene::full_height(trace, style, view);

  TimelineScene scene;
  scene.sync(trace, theme);
  scene.layout(trace, axis, style, view, Rect{0, 0, width, height}, 0);
  SvgCanvas canvas(metrics, width, height);
  PaintState state;
  state.playhead = options.playhead;
  state.empty_hint = "The trace is empty.";
  scene.paint(canvas, trace, theme, axis, state);
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
