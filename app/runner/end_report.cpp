#include "runner/end_report.h"

#include <sys/wait.h>

#include <csignal>

#include <cctype>
#include <cstdio>
#include <cstring>

#include "core/python_errors.h"

namespace loopscope {

namespace {

// The last non-empty line of the output, for a tracer that died before it could say more.
std::string last_line(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
  const auto nl = text.find_last_of('\n');
  std::string line(nl == std::string_view::npos ? text : text.substr(nl + 1));
  if (line.size() > 300) line = line.substr(0, 300) + "...";
  return line;
}

std::string seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

}  // namespace

std::string missing_module_message(std::string_view output) {
  if (output.find("ModuleNotFoundError") == std::string_view::npos) return {};
  const std::string module = missing_module_in(output);
  if (module.empty()) return {};
  return "ModuleNotFoundError: No module named '" + module + "' (install it: apt-get install " + debian_package_for(module) +
         ", or pass --python with an interpreter that has it)";
}

EndReport explain_end(const EndFacts& f) {
  EndReport r;
  const int ws = f.wait_status;
  if (WIFEXITED(ws)) r.code = WEXITSTATUS(ws);
  if (WIFSIGNALED(ws)) {
    r.signal = WTERMSIG(ws);
    r.code = 128 + r.signal;  // what a shell would report
  }
  if (f.stopped) {
    r.status = EndStatus::Stopped;
    r.message = "stopped";
    return r;
  }
  if (f.timed_out) {
    r.status = EndStatus::Timeout;
    r.message = "stopped after " + seconds(f.timeout_s) + " s: the script ran longer than the timeout (--timeout)";
    return r;
  }
  const std::string module = missing_module_message(f.output_tail);
  if (WIFSIGNALED(ws) && (r.signal == SIGINT || r.signal == SIGTERM)) {
    // Python ends itself with SIGINT after an uncaught KeyboardInterrupt (Ctrl-C).
    r.status = EndStatus::Stopped;
    r.message = r.signal == SIGINT ? "interrupted (Ctrl-C)" : "terminated (SIGTERM)";
    return r;
  }
  if (WIFSIGNALED(ws)) {
    r.status = EndStatus::Crashed;
    const char* name = strsignal(r.signal);
    r.message = "the script crashed: killed by signal " + std::to_string(r.signal) + " (" + (name ? name : "?") + ")";
    return r;
  }
  if (!f.runtime_started) {
    // The interpreter ran but the tracer never spoke: Python itself or the runtime failed.
    r.status = EndStatus::TracerError;
    if (!module.empty()) r.message = module;
    else if (const std::string line = last_line(f.output_tail); !line.empty())
      r.message = "the tracer did not start (exit status " + std::to_string(r.code) + "): " + line;
    else
      r.message = "the tracer did not start (exit status " + std::to_string(r.code) + ")";
    return r;
  }
  if (r.code == 0) return r;  // Finished
  r.status = EndStatus::Failed;
  if (!module.empty()) r.message = module;
  else if (f.exit_seen) r.message = "the script exited with status " + std::to_string(r.code);
  else r.message = "the script ended abruptly with status " + std::to_string(r.code) + " (os._exit or a fatal error)";
  return r;
}

}  // namespace loopscope
