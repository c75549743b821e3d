// The status bar at the bottom: run state, elapsed time, event count, playhead position, and
// a short message ("Saved trace to ...").
#pragma once

#include <string>

namespace loopscope::ui {

struct StatusInfo {
  std::string state;        // "Running", "Finished", "Failed (exit 1)", "Ready"
  int tone = 0;             // 0 neutral, 1 running, 2 ok, 3 error
  double elapsed_s = 0.0;
  std::size_t events = 0;
  std::size_t lanes = 0;
  std::string position;     // "event 12 / 240"
  std::string message;      // toast
  std::string warning;      // a lasting caution about the run ("trace budget reached: ...")
  std::string right;        // theme/scale summary
};

struct StatusBarView {
  void Draw(const StatusInfo& info);
};

}  // namespace loopscope::ui
