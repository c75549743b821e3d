// Helpers for the runner tests: requests for the stand-in runtime or the real one.
#pragma once

#include <string>

#include "core/trace_model.h"
#include "runner/run_session.h"

namespace runner_test {

inline const std::string kScripts = LOOPSCOPE_TEST_SCRIPTS;  // tests/runner/scripts (set by CMake)

// A request that runs tests/runner/scripts/<name> under the stand-in runtime.
inline loopscope::RunRequest stand_in(const std::string& name) {
  loopscope::RunRequest r;
  r.python = "/usr/bin/python3";
  r.runtime_path = kScripts + "/stand_in_runtime.py";
  r.script = kScripts + "/" + name;
  r.timeout_s = 60;
  return r;
}

inline bool has_event(const loopscope::Trace& trace, loopscope::EventKind kind) {
  for (const auto& e : trace.events())
    if (e.kind == kind) return true;
  return false;
}

inline bool printed(const loopscope::Trace& trace, const std::string& text) {
  for (const auto& e : trace.events())
    if (e.kind == loopscope::EventKind::Print && trace.str(e.text) == text) return true;
  return false;
}

}  // namespace runner_test
