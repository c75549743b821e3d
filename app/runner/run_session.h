// Running a Python script under the loopscope runtime in a child process.
// The child gets its own process group and writes its records into a shared-memory ring
// (runner/event_ring.h); a reader thread splits what it takes from the ring into lines, parses
// them into record batches and hands those over through a locked queue. The owner (the main
// thread) applies them to a Trace with pump(): only the owner ever touches the model.
#pragma once

#include <cstdint>
#include <functional>
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
  // The event budget: past this many records the runtime records only the end of the run
  // (and counts the rest, see RunSession::records_dropped). 0: none. Large enough for a
  // million-event run; it keeps a runaway script from filling memory.
  long max_events = kDefaultMaxEvents;
  static constexpr long kDefaultMaxEvents = 2'000'000;
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
  // Records the runtime left out because the budget (RunRequest::max_events) was reached;
  // known once the run has ended. The trace says so too (a `note` with a `budget` field).
  std::uint64_t records_dropped() const;
  // Text the child wrote on stdout/stderr outside the event stream (e.g. the interpreter's own
  // errors before the runtime started), kept for the error panel.
  std::string raw_output() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Blocking convenience for the CLI, `check` and tests: start, pump until the child ends.
// A start failure is reported through the trace (status TracerError and its message).
// `between_pumps` (optional) is called with the session between pumps, e.g. to pass on Ctrl-C;
// `dropped` (optional) receives RunSession::records_dropped() at the end.
Trace run_to_completion(const RunRequest& request, const std::function<void(RunSession&)>& between_pumps = {},
                        std::uint64_t* dropped = nullptr);

// --python PATH, else $LOOPSCOPE_PYTHON, else /usr/bin/python3 (Debian's, which sees the
// Debian-packaged libraries the lessons use), else python3 on PATH. Empty if none exists.
std::string locate_python(const std::string& requested);
// Another CPython by version ("3.12"): python3.12 on PATH (not a pyenv shim, which may refuse
// to run), else the newest pyenv install of it ($PYENV_ROOT, else ~/.pyenv). Empty if none.
std::string find_cpython(const std::string& version);
// The runtime package next to the executable (build/loopscope_runtime/, run as
// `python3 build/loopscope_runtime -- script.py`), else build/loopscope_runtime.py, else empty.
std::string locate_runtime();

}  // namespace loopscope
