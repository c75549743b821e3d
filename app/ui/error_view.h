// The problems panel: uncaught exceptions with their tracebacks, syntax errors, warnings, a
// missing module with the Debian package to install, and runner/tracer failures. A problem's
// line links to the code pane.
#pragma once

#include <string>
#include <vector>

#include "core/trace_model.h"

namespace loopscope::ui {

struct Problem {
  enum class Kind { Error, SyntaxError, Warning, MissingModule, RunFailed, Note };
  Kind kind = Kind::Error;
  std::string title;     // "ZeroDivisionError: division by zero"
  std::string detail;    // traceback, hint or runner message
  int line = 0;          // line in the program (0: none)
  EventIndex event = kNoEvent;
};

// Problems found in a trace (exceptions, warnings, end status, notes), in event order.
std::vector<Problem> problems_from_trace(const Trace& trace);

struct ErrorView {
  struct Click {
    int line = 0;
    EventIndex event = kNoEvent;
  };
  // Returns what the user clicked (line 0 / kNoEvent when nothing).
  Click Draw(const std::vector<Problem>& problems);
};

}  // namespace loopscope::ui
