// Seconds on a clock that never jumps (for pauses and polling intervals, never for timestamps).
#pragma once

#include <chrono>

namespace loopscope {

inline double monotonic_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace loopscope
