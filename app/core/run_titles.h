// Titles that tell two runs apart by what differs between them, for runs compared on one time
// axis: "blocking = on" / "blocking = off", "edited" / "as shipped", else "run 3" / "run 4".
#pragma once

#include <string>
#include <utility>

#include "core/lesson_catalog.h"

namespace loopscope {

// How one run was made.
struct RunSetup {
  int number = 0;          // 1, 2, ... in the order the runs were made
  KnobValues knobs;        // the lesson's knob values (empty for a plain script)
  bool edited = false;     // the program was edited before this run
  std::string program;     // the program's file name
};

// A knob's value as a learner reads it: "on"/"off" for a switch, else the value.
std::string knob_display(const Knob& knob, const std::string& value);

// The two titles, first for `a`, then for `b`. `lesson` may be null (a plain script).
std::pair<std::string, std::string> compare_titles(const Lesson* lesson, const RunSetup& a, const RunSetup& b);

}  // namespace loopscope
