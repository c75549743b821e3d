// Running a Python script under the loopscope runtime in a child process.
// The child gets its own process group; a reader thread splits the event pipe into lines,
// parses them into record batches and hands those over through a locked queue. The owner (the
// main thread) applies them to a Trace with pump(): only the owner ever touches the model.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/trace_model.h"

namespace loopscope {

struct RunRequest {
  std::string python;              // empty: locate_python("")
  std::string runtime_path;        // empty: locate_runtime()
  std::string script;              // the user's script
  std::vector<std::string> args;   // the script's sys.argv[1:]
  std::vector<std::pair<std::string, std::string>> env;  // extra environment (lesson knobs)
  std::string cwd;                 // empty: the script's folder
  double timeout_s = 60.0;         // the run is stopped after this long (status Timeout)
  int stall_ms = 50;               // a loop step longer than this is a stall
  bool pass_output = false;        // copy the script's stdout/stderr to ours as it comes (CLI)
};

enum class SessionState { Idle, Running, Finished, Failed, Stopped };

class RunSession {
 public:
  RunSession();
  ~RunSession();  // stops a running child
  RunSession(const RunSession&) = delete;
  RunSession& operator=(const RunSession&) = delete;

  // Spawns the child. False (with `error` saying what to do) when the interpreter or the
  // runtime cannot be found or started; the trace then gets nothing.
  bool start(const RunRequest& request, std::string* error);
  // Owner thread: applies every event received so far to `trace`; when the child has ended,
  // finishes the trace (end status and message). Returns the number of events applied.
  std::size_t pump(Trace& trace);
  // Kills the child's whole process group at once.
  void stop();
  // Sends `signal` to the child's process group (the CLI forwards Ctrl-C as SIGINT, so the
  // script sees KeyboardInterrupt as in a plain run: the child has its own group).
  void send_signal(int signal);

  SessionState state() const;
  bool running() const { return state() == SessionState::Running; }
  double elapsed_s() const;
  std::size_t events_received() const;
  // Text the child wrote on stdout/stderr outside the event stream (e.g. the interpreter's own
  // errors before the runtime started), kept for the error panel.
  std::string raw_output() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Blocking convenience for the CLI, `check` and tests: start, pump until the child ends.
// A start failure is reported through the trace (status TracerError and its message).
Trace run_to_completion(const RunRequest& request);

// --python PATH, else $LOOPSCOPE_PYTHON, else /usr/bin/python3 (Debian's, which sees the
// Debian-packaged libraries the lessons use), else python3 on PATH. Empty if none exists.
std::string locate_python(const std::string& requested);
// loopscope_runtime.py next to the executable (build/), else empty.
std::string locate_runtime();

}  // namespace loopscope
