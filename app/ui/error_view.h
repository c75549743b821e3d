// The problems panel: draws the run's problems (worked out headless in workspace/problems.h).
// A problem's line links to the code pane. A traceback shows the learner's own frames first
// (the one closest to the error on top), named as the learner knows the files; asyncio's, the
// standard library's and loopscope's frames are folded behind "Show all frames".
#pragma once

#include <set>
#include <string>
#include <vector>

#include "workspace/problems.h"

namespace loopscope::ui {

class ErrorView {
 public:
  struct Click {
    int line = 0;
    EventIndex event = kNoEvent;
  };
  // Returns what the user clicked (line 0 / kNoEvent when nothing).
  Click Draw(const std::vector<Problem>& problems);
  void Reset() { expanded_.clear(); }

 private:
  void DrawTraceback(const Problem& problem, std::size_t index, Click& click);
  std::set<std::size_t> expanded_;  // problems showing every frame
};

}  // namespace loopscope::ui
