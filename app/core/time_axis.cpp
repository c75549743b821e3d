#include "core/time_axis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace loopscope {

void TimeAxis::set_pixels(float x0, float width) {
  x0_ = x0;
  width_ = std::max(width, 1.0f);
}

void TimeAxis::set_run_end(Nanos run_end) {
  run_end_ = std::max<Nanos>(run_end, 1000);  // an empty run still gets a 1 µs axis
  clamp();
}

// Zooming out stops a little beyond the whole run (there is nothing further to see).
double TimeAxis::max_span() const { return std::max(static_cast<double>(run_end_) * 1.5, kMinSpanNs); }

// Keeps the span within [kMinSpanNs, max_span], never shows time before the run started, and
// keeps at least a third of the view on the run.
void TimeAxis::clamp() {
  span_ = std::clamp(span_, kMinSpanNs, max_span());
  const double run = static_cast<double>(run_end_);
  const double hi = std::max(0.0, run - span_ / 3.0);
  start_ = std::clamp(start_, 0.0, hi);
}

void TimeAxis::set_range(double t0, double t1) {
  if (!(t1 > t0)) t1 = t0 + kMinSpanNs;
  start_ = t0;
  span_ = t1 - t0;
  if (span_ < kMinSpanNs) {  // keep the requested range centred
    start_ -= (kMinSpanNs - span_) / 2;
    span_ = kMinSpanNs;
  }
  clamp();
}

void TimeAxis::fit(double t0, double t1) {
  const double margin = std::max((t1 - t0) * 0.02, kMinSpanNs / 10);
  set_range(t0 - margin, t1 + margin);
}

void TimeAxis::zoom(float x, double factor) {
  if (!(factor > 0)) return;
  const double anchor = t_of(x);
  const double new_span = std::clamp(span_ / factor, kMinSpanNs, max_span());
  const double frac = static_cast<double>(x - x0_) / static_cast<double>(width_);
  start_ = anchor - frac * new_span;
  span_ = new_span;
  clamp();
}

void TimeAxis::pan_px(float dx) {
  start_ -= static_cast<double>(dx) * ns_per_px();
  clamp();
}

double nice_step(double min_ns) {
  if (!(min_ns > 0)) return 1.0;
  const double decade = std::pow(10.0, std::floor(std::log10(min_ns)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (decade * m >= min_ns * (1 - 1e-9)) return decade * m;
  }
  return decade * 10;
}

std::vector<AxisTick> TimeAxis::ticks(float min_label_px) const {
  std::vector<AxisTick> out;
  const double major = nice_step(ns_per_px() * std::max(min_label_px, 1.0f));
  // Minor ticks: fifths of a 1 or 5 step, halves of a 2 step.
  const double mantissa = major / std::pow(10.0, std::floor(std::log10(major)));
  const int minors = std::lround(mantissa) == 2 ? 2 : 5;
  const double minor = major / minors;
  const double first = std::ceil(start_ / minor) * minor;
  const long long count = static_cast<long long>((end() - first) / minor) + 1;
  out.reserve(static_cast<std::size_t>(std::max(0LL, count)));
  for (long long i = 0; i < count; ++i) {
    const double t = first + static_cast<double>(i) * minor;
    if (t >= end()) break;
    const double in_major = t / major;
    const bool is_major = std::fabs(in_major - std::round(in_major)) < 1e-6;
    AxisTick tick{is_major ? std::round(in_major) * major : t, x_of(t), is_major, {}};
    if (is_major) tick.label = format_tick(tick.t, major);
    out.push_back(std::move(tick));
  }
  return out;
}

}  // namespace loopscope
