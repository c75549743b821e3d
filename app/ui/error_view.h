// The problems panel: uncaught exceptions with their tracebacks, syntax errors, warnings, a
// missing module with the Debian package to install, and runner/tracer failures. A problem's
// line links to the code pane. A traceback shows the learner's own frames first (the one
// closest to the error on top), named as the learner knows the files; asyncio's, the standard
// library's and loopscope's frames are folded behind "Show all frames".
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/python_traceback.h"
#include "core/trace_model.h"

namespace loopscope::ui {

struct Problem {
  enum class Kind { Error, SyntaxError, Warning, MissingModule, RunFailed, Note };
  Kind kind = Kind::Error;
  std::string title;     // "ZeroDivisionError: division by zero"
  std::string detail;    // traceback, hint or runner message
  int line = 0;          // line in the program (0: none)
  EventIndex event = kNoEvent;
  Traceback traceback;   // `detail` read as a Python traceback (exceptions)
};

// Problems found in a trace (exceptions, warnings, end status, notes), in event order; `program`
// names the learner's files in tracebacks and messages.
std::vector<Problem> problems_from_trace(const Trace& trace, const ProgramFiles& program = {});

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
