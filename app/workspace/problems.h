// What went wrong in a run, as the Problems panel lists it: uncaught exceptions with their
// tracebacks, syntax errors, warnings, a missing module with the Debian package to install, and
// runner/tracer failures. Worked out here, headless, from the trace and what the runner said;
// the panel (ui/error_view.h) only draws the list.
#pragma once

#include <string>
#include <vector>

#include "core/lesson_catalog.h"
#include "core/python_traceback.h"
#include "core/trace_model.h"

namespace loopscope {

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

// What a run's problem list is made from.
struct RunFacts {
  const Trace& trace;
  const ProgramFiles& files;      // the program as run and as the learner knows it
  const Lesson* lesson = nullptr;  // null: a script of the learner's own
  std::string start_error;        // why the run could not start (empty: it started)
  std::string raw_output;         // the process's own output, once it has ended (else empty)
};

// The whole list, most useful first: a missing module with its package (a lesson's), why the
// run could not start, the trace's problems, and the Python process's own output when the run
// ended before recording anything (the interpreter's error before the runtime started).
std::vector<Problem> run_problems(const RunFacts& facts);

// A problem that means the program did not run as written (not a warning or a note): the
// Problems tab comes forward for it.
bool is_failure(const Problem& problem);
bool any_failure(const std::vector<Problem>& problems);

// The first exception or syntax error with a line in the program (the code pane marks it), or null.
const Problem* first_error_on_a_line(const std::vector<Problem>& problems);

}  // namespace loopscope
