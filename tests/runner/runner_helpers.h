// Helpers for the runner tests: requests for the stand-in runtime or the real one.
#pragma once

#include <string>
#include <vector>

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

// The same script under the real runtime (build/loopscope_runtime/, next to the test binary).
inline loopscope::RunRequest real(const std::string& name) {
  loopscope::RunRequest r = stand_in(name);
  r.runtime_path.clear();
  return r;
}

inline loopscope::RunRequest request(const std::string& name, bool real_runtime) {
  return real_runtime ? real(name) : stand_in(name);
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

// The printed lines of a trace, in order.
inline std::vector<std::string> prints_of(const loopscope::Trace& trace) {
  std::vector<std::string> out;
  for (const auto& e : trace.events())
    if (e.kind == loopscope::EventKind::Print) out.emplace_back(trace.str(e.text));
  return out;
}

// An event from before the end that must have survived: the stand-in's own print, or the
// script's first line under the real runtime.
inline bool kept_early_print(const loopscope::Trace& trace, bool real_runtime, const std::string& script_line) {
  return printed(trace, real_runtime ? script_line : "stand-in started");
}

}  // namespace runner_test
