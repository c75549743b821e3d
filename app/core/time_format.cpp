#include "core/time_format.h"

#include <cmath>
#include <cstdio>

namespace loopscope {

namespace {

struct Unit {
  double ns;
  const char* name;
};

// The unit a value of this size reads best in.
Unit unit_for(double ns) {
  ns = std::fabs(ns);
  if (ns >= 1e9) return {1e9, "s"};
  if (ns >= 1e6) return {1e6, "ms"};
  if (ns >= 1e3) return {1e3, "\xC2\xB5s"};  // µs
  return {1.0, "ns"};
}

// Decimals needed to print multiples of `step` in `unit` exactly (1-2-5 steps: at most a few).
int decimals_for(double step, double unit) {
  int decimals = 0;
  double scaled = step / unit;
  while (decimals < 6 && std::fabs(scaled - std::round(scaled)) > 1e-6 * std::max(1.0, scaled)) {
    scaled *= 10;
    ++decimals;
  }
  return decimals;
}

std::string print_value(double value, int decimals, const char* unit) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f %s", decimals, value, unit);
  return buf;
}

// "1.50 ms" -> "1.5 ms", "2.00 s" -> "2 s": three significant digits, without the zeros.
std::string without_trailing_zeros(const std::string& text) {
  const auto space = text.find(' ');
  std::string number = text.substr(0, space);
  if (number.find('.') != std::string::npos) {
    while (number.back() == '0') number.pop_back();
    if (number.back() == '.') number.pop_back();
  }
  return number + text.substr(space);
}

}  // namespace

std::string format_duration(double ns) {
  if (ns == 0) return "0";
  if (std::fabs(ns) >= 60e9) {
    const long long total_s = std::llround(ns / 1e9);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%lld min %lld s", total_s / 60, std::llabs(total_s % 60));
    return buf;
  }
  const Unit unit = unit_for(ns);
  const double value = ns / unit.ns;
  // Three significant digits, trailing zeros dropped: 1.5 s, 12.5 µs, 250 ms.
  const int decimals = std::fabs(value) >= 100 ? 0 : std::fabs(value) >= 10 ? 1 : 2;
  return without_trailing_zeros(print_value(value, decimals, unit.name));
}

std::string format_tick(double t_ns, double step_ns) {
  if (std::fabs(t_ns) < step_ns * 1e-6) return "0";
  // The unit follows the label's size, but a coarse grid reads in the bigger unit early
  // ("0.5 s, 1 s, 1.5 s" rather than "500 ms, 1 s"); trailing zeros are trimmed per label.
  const Unit unit = unit_for(std::max(std::fabs(t_ns), step_ns * 5));
  return without_trailing_zeros(print_value(t_ns / unit.ns, decimals_for(step_ns, unit.ns), unit.name));
}

std::string format_time(Nanos t) {
  char buf[48];
  if (t < 1'000'000) {
    std::snprintf(buf, sizeof buf, "%.1f \xC2\xB5s", static_cast<double>(t) / 1e3);
  } else if (t < 10'000'000'000) {
    std::snprintf(buf, sizeof buf, "%.3f ms", static_cast<double>(t) / 1e6);
  } else {
    std::snprintf(buf, sizeof buf, "%.3f s", static_cast<double>(t) / 1e9);
  }
  return buf;
}

std::string format_ms(Nanos ns, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f ms", decimals, static_cast<double>(ns) / 1e6);
  return buf;
}

std::string format_compact(Nanos ns) {
  char buf[32];
  const double ms = static_cast<double>(ns) / 1e6;
  if (ms >= 1000) std::snprintf(buf, sizeof buf, "%.2fs", ms / 1000);
  else if (ms >= 10) std::snprintf(buf, sizeof buf, "%.0fms", ms);
  else if (ms < 0.1) std::snprintf(buf, sizeof buf, "%.0fus", ms * 1000);
  else std::snprintf(buf, sizeof buf, "%.1fms", ms);
  return buf;
}

std::string format_count(std::int64_t n) {
  if (n < 1000) return std::to_string(n);
  const bool thousands = n < 999'500;  // else millions: rounding never reaches "1000k"
  const double scaled = static_cast<double>(n) / (thousands ? 1e3 : 1e6);
  char buf[32];
  // One decimal below 10 ("1.2k"), none above ("12k", "400k").
  std::snprintf(buf, sizeof buf, scaled < 9.95 ? "%.1f%s" : "%.0f%s", scaled, thousands ? "k" : "M");
  return buf;
}

}  // namespace loopscope
