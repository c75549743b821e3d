// One time axis for the timeline: the visible time range [start, end) in ns and the pixel
// strip [x0, x0 + width) it maps onto. Conversions, zoom around a pixel, pan, fit, and ruler
// ticks with adaptive units. No ImGui: the view feeds it pixel coordinates.
#pragma once

#include <string>
#include <vector>

#include "core/time_format.h"
#include "core/trace_model.h"

namespace loopscope {

struct AxisTick {
  double t = 0;        // ns
  float x = 0;         // px
  bool major = false;  // majors carry a label
  std::string label;   // "250 ms", "1.5 s", "0"
};

class TimeAxis {
 public:
  static constexpr double kMinSpanNs = 100.0;  // never zoom in past 100 ns across the view

  // Pixels: where the time strip sits on screen.
  void set_pixels(float x0, float width);
  float x0() const { return x0_; }
  float width() const { return width_; }

  // The run's extent [0, run_end]: zoom-out and pan stay close to it.
  void set_run_end(Nanos run_end);
  Nanos run_end() const { return run_end_; }

  double start() const { return start_; }
  double end() const { return start_ + span_; }
  double span() const { return span_; }
  double ns_per_px() const { return span_ / static_cast<double>(width_); }

  float x_of(double t) const { return x0_ + static_cast<float>((t - start_) / ns_per_px()); }
  double t_of(float x) const { return start_ + static_cast<double>(x - x0_) * ns_per_px(); }

  // Shows [t0, t1) (clamped to the limits).
  void set_range(double t0, double t1);
  // Shows [t0, t1] with a small margin on both sides.
  void fit(double t0, double t1);
  // factor > 1 zooms in; the time under pixel x stays under x.
  void zoom(float x, double factor);
  // Moves the content by dx pixels (positive: content moves right, earlier times come in).
  void pan_px(float dx);

  // Ticks for a ruler: labelled majors at least `min_label_px` apart, on a 1-2-5 grid,
  // with minor ticks between them.
  std::vector<AxisTick> ticks(float min_label_px = 90.0f) const;

 private:
  void clamp();
  double max_span() const;

  float x0_ = 0.0f;
  float width_ = 1000.0f;
  Nanos run_end_ = 1'000'000'000;  // until told: one second
  double start_ = 0.0;
  double span_ = 1e9;
};

// The 1-2-5 step (ns) at least `min_ns` long.
double nice_step(double min_ns);

}  // namespace loopscope
