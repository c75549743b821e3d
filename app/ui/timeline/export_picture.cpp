#include "ui/timeline/export_picture.h"

#include <algorithm>
#include <cmath>

#include "core/timeline_frame.h"

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

ExportPicture::ExportPicture(const Trace& trace, const Theme& theme, const TextMetrics& metrics,
                             const SvgExportOptions& options)
    : theme_(theme) {
  width_ = std::max(options.width, 400.0f);
  style_ = TimelineStyle::for_fonts(metrics.size(Font::Label), metrics.size(Font::Small), width_);
  // One time axis for both runs when comparing.
  Nanos start = trace.activity_start(), end = std::max<Nanos>(trace.end_time(), 1000);
  if (options.pinned) {
    start = trace.empty() ? options.pinned->activity_start() : std::min(start, options.pinned->activity_start());
    end = std::max(end, options.pinned->end_time());
  }
  axis_.set_pixels(style_.header_w + style_.gap, width_ - style_.header_w - style_.gap - 8);
  axis_.set_run_end(end);
  if (options.t1 > options.t0) axis_.set_range(options.t0, options.t1);
  else axis_.fit(static_cast<double>(std::min(start, end)), static_cast<double>(end));

  band_h_ = options.pinned ? std::round(style_.font * 2.0f) : 0.0f;
  float y = 0;
  const auto add = [&](const Trace& t, std::string band, EventIndex playhead, bool title) {
    Part& p = parts_.emplace_back();
    p.trace = &t;
    p.band = std::move(band);
    p.band_y = y;
    y += band_h_;
    p.view = options.view;
    if (title && p.view.title.empty()) p.view.title = export_title(t, axis_);
    if (!title) p.view.title.clear();
    const float h = std::ceil(TimelineScene::full_height(t, style_, p.view));
    p.area = {0, y, width_, h};
    p.playhead = playhead;
    y += h;
  };
  parts_.reserve(2);
  if (options.pinned) {
    add(*options.pinned, "pinned: " + options.pinned_title, options.pinned_playhead, false);
    add(trace, "this run: " + options.current_title, options.playhead, false);
  } else {
    add(trace, {}, options.playhead, true);
  }
  height_ = y;
}

void ExportPicture::paint(Canvas& canvas) {
  canvas.rect({0, 0}, {width_, height_}, theme_.panel);
  for (Part& p : parts_) {
    if (!p.band.empty()) {
      canvas.rect({0, p.band_y}, {width_, p.band_y + band_h_}, theme_.raised);
      canvas.text({style_.font * 0.75f, p.band_y + (band_h_ - canvas.font_size(Font::Bold)) * 0.5f}, Font::Bold, p.band,
                  theme_.text);
    }
    p.scene.sync(*p.trace, theme_);
    p.scene.layout(*p.trace, axis_, style_, p.view, p.area, 0);
    PaintState state;
    state.playhead = p.playhead;
    state.empty_hint = "The trace is empty.";
    p.scene.paint(canvas, *p.trace, theme_, axis_, state);
  }
}

}  // namespace loopscope::timeline
