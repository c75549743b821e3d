// How a run ended, explained for a person: the status and message of the `end` record the
// runner adds to the trace when the child has gone.
#pragma once

#include <string>
#include <string_view>

#include "core/trace_model.h"

namespace loopscope {

struct EndFacts {
  int wait_status = 0;        // from waitpid
  bool stopped = false;       // stop() was called
  bool timed_out = false;     // the timeout fired
  double timeout_s = 0;
  bool runtime_started = false;  // a `hello` record arrived
  bool exit_seen = false;        // the runtime's `exit` record arrived
  std::string_view output_tail;  // the last of the child's stdout/stderr
};

struct EndReport {
  EndStatus status = EndStatus::Finished;
  int code = 0;
  int signal = 0;
  std::string message;  // empty for a normal finish
};

EndReport explain_end(const EndFacts& facts);

// "ModuleNotFoundError: No module named 'httpx' (install it: apt-get install python3-httpx)",
// or empty when `output` holds no such error.
std::string missing_module_message(std::string_view output);

}  // namespace loopscope
