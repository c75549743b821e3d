// A small window over the app while a saved trace loads, or while a long live run's events
// are still being taken in: what is happening, a progress bar, and a button to stop it. The
// App owns the work and says what to show; this only draws.
#pragma once

#include <string>

namespace loopscope::ui {

struct LoadProgressInfo {
  std::string title;           // "Loading big.json"
  double fraction = 0.0;       // 0 .. 1
  std::string detail;          // "2.4 M events, 310 of 1200 MB"
  std::string button = "Cancel";
};

struct LoadProgressView {
  // Returns true when the button was pressed.
  bool Draw(const LoadProgressInfo& info);
};

}  // namespace loopscope::ui
