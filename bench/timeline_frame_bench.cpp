#include "bench/timeline_frame_bench.h"

#include <cmath>
#include <string>
#include <vector>

#include "bench/counting_canvas.h"
#include "core/synthetic_stream.h"
#include "core/theme.h"
#include "core/timeline_frame.h"
#include "core/trace_io.h"
#include "ui/timeline/recording_canvas.h"
#include "ui/timeline/timeline_scene.h"

namespace loopscope::bench {

FrameSweep sweep_frames(const Trace& trace, int frames, float width_px) {
  FrameSweep result;
  const std::vector<LaneId> rows = timeline_rows(trace, false);
  TimeAxis axis;
  axis.set_pixels(200.0f, width_px);
  axis.set_run_end(std::max<Nanos>(trace.end_time(), 1000));
  const double run = static_cast<double>(axis.run_end());

  // The scene as the window paints it: the shipped dark theme when it is found, text measured
  // by estimate, every group open.
  std::vector<std::string> theme_errors;
  const Theme theme = pick_theme(load_shipped_themes(&theme_errors), "dark");
  const timeline::EstimatedTextMetrics metrics;
  const timeline::TimelineStyle style = timeline::TimelineStyle::for_fonts(16, 13, width_px);
  timeline::TimelineOptions options;
  options.show_library = true;
  timeline::TimelineScene scene;
  scene.sync(trace, theme);
  TimeAxis scene_axis;
  scene_axis.set_run_end(axis.run_end());

  TimelineFrame frame;
  std::vector<double> core_times, scene_times;
  for (int i = 0; i < frames; ++i) {
    const double phase = static_cast<double>(i) / std::max(frames - 1, 1);
    const double zoom_level = 1.0 - std::abs(2.0 * phase - 1.0);  // 0 -> 1 -> 0
    const double span = std::max(run * std::pow(1e6 / run, zoom_level), 1e6);
    const double centre = run * (0.1 + 0.8 * phase);
    axis.set_range(centre - span / 2, centre + span / 2);

    double start = thread_cpu_ms();
    build_frame(trace, axis, rows, frame);
    core_times.push_back(thread_cpu_ms() - start);
    std::size_t items = 0;
    for (const RowItems& row : frame.rows) items += row.spans.size() + row.overlays.size() + row.instants.size();
    result.max_items = std::max(result.max_items, items);

    CountingCanvas canvas(metrics);
    scene_axis.set_range(axis.start(), axis.end());
    start = thread_cpu_ms();
    scene.layout(trace, scene_axis, style, options, timeline::Rect{0, 0, width_px, 1000}, 0);
    scene.paint(canvas, trace, theme, scene_axis, timeline::PaintState{});
    scene_times.push_back(thread_cpu_ms() - start);
    result.max_draw_calls = std::max(result.max_draw_calls, canvas.calls);
  }
  result.frames = frames;
  result.core_ms = spread_of(core_times);
  result.scene_ms = spread_of(scene_times);
  return result;
}

TimelineFrameBenchResult run_timeline_frame_bench(std::size_t events, int frames, float width_px) {
  TimelineFrameBenchResult result;
  const double start = wall_ms();
  Trace trace;
  {
    std::string stream;
    append_synthetic_stream(stream, events);
    load_trace_text(stream, false, trace, nullptr);
  }
  result.ingest_s = (wall_ms() - start) / 1000.0;
  result.events = trace.events().size();
  result.lanes = trace.lanes().size();
  result.sweep = sweep_frames(trace, frames, width_px);
  return result;
}

}  // namespace loopscope::bench
