// Painting a trace headless for tests: the shipped dark theme, estimated text widths, a canvas
// that records every draw call.
#pragma once

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "core/theme.h"
#include "core/timeline_frame.h"
#include "core/trace_model.h"
#include "ui/timeline/recording_canvas.h"
#include "ui/timeline/timeline_scene.h"

namespace paint_test {

using namespace loopscope;
using namespace loopscope::timeline;

inline Theme shipped_theme(const std::string& id) {
  Theme theme;
  std::string error;
  const bool ok = load_theme_file(std::string(LOOPSCOPE_SOURCE_DIR) + "/assets/themes/" + id + ".toml", theme, &error);
  INFO(error);
  REQUIRE(ok);
  return theme;
}

inline Trace trace_of(std::string_view stream) {
  Trace trace;
  std::istringstream in{std::string(stream)};
  for (std::string line; std::getline(in, line);) trace.ingest_line(line);
  return trace;
}

struct Painted {
  EstimatedTextMetrics metrics;
  RecordingCanvas canvas{metrics};
  TimelineScene scene;
  TimeAxis axis;
  Theme theme;

  // The texts drawn inside the row of `lane` (their top-left in it).
  std::vector<std::string> texts_in_row(LaneId lane) const {
    std::vector<std::string> out;
    const Row* row = scene.row_of(lane);
    if (!row) return out;
    for (const DrawCommand& c : canvas.commands())
      if (c.kind == DrawCommand::Kind::Text && c.p[0].y >= row->y0 && c.p[0].y < row->y1 && c.p[0].x >= axis.x0())
        out.push_back(c.text);
    return out;
  }
  std::size_t count(DrawCommand::Kind kind, LaneId lane) const {
    std::size_t n = 0;
    const Row* row = scene.row_of(lane);
    for (const DrawCommand& c : canvas.commands())
      if (c.kind == kind && row && c.p[0].y >= row->y0 && c.p[0].y < row->y1) ++n;
    return n;
  }
  bool has_text(const std::string& part) const {
    for (const std::string& t : canvas.texts())
      if (t.find(part) != std::string::npos) return true;
    return false;
  }
};

// Paints the whole run of `trace` on a width x height canvas.
inline void paint(Painted& p, const Trace& trace, float width = 1600, float height = 900,
                  const TimelineOptions& options = {}, const std::string& theme = "dark") {
  p.theme = shipped_theme(theme);
  const TimelineStyle style = TimelineStyle::for_fonts(16, 13, width);
  fit_to_run(p.axis, trace);
  p.scene.sync(trace, p.theme);
  p.scene.layout(trace, p.axis, style, options, Rect{0, 0, width, height}, 0);
  PaintState state;
  state.empty_hint = "empty";
  p.scene.paint(p.canvas, trace, p.theme, p.axis, state);
}

}  // namespace paint_test
