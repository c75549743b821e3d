// Clocks and summaries shared by the benchmarks. Times are CPU time of the calling thread where
// the work is one thread's, so that other processes on a busy machine do not inflate them;
// wall time where threads work together.
#pragma once

#include <time.h>

#include <algorithm>
#include <chrono>
#include <vector>

namespace loopscope::bench {

inline double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

inline double wall_ms() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

struct Spread {
  double median = 0, max = 0;
  int count = 0;
};

inline Spread spread_of(std::vector<double> samples) {
  Spread s;
  s.count = static_cast<int>(samples.size());
  if (samples.empty()) return s;
  std::sort(samples.begin(), samples.end());
  s.median = samples[samples.size() / 2];
  s.max = samples.back();
  return s;
}

}  // namespace loopscope::bench
