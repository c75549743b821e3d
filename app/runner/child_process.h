// A child process in its own process group, with its stdout and stderr connected to pipes we
// read, and optionally one descriptor of ours as its fd 3 (the event ring). POSIX only (posix_spawn, so no code runs between fork and exec).
#pragma once

#include <sys/types.h>

#include <string>
#include <utility>
#include <vector>

namespace loopscope {

struct SpawnSpec {
  std::vector<std::string> argv;                          // argv[0] is the program path
  std::vector<std::pair<std::string, std::string>> env;   // added to / overriding ours
  std::string cwd;                                        // empty: ours
  bool inherit_stdin = false;                             // else /dev/null
  int events_fd = -1;                                     // ours, given to the child as fd 3
};

class ChildProcess {
 public:
  ChildProcess() = default;
  ~ChildProcess();  // kills and reaps a child still running, closes the pipes
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // False with `error` if the program cannot be started.
  bool spawn(const SpawnSpec& spec, std::string* error);

  // Read ends (owned here; -1 once closed).
  int stdout_fd() const { return stdout_fd_; }
  int stderr_fd() const { return stderr_fd_; }
  void close_pipes();

  // SIGKILL to the whole process group (the script and anything it started).
  void kill_group();
  // True once the child has exited; `wait_status` then holds waitpid's status.
  bool poll_exit();
  void wait_exit();  // blocks
  bool exited() const { return reaped_; }
  int wait_status() const { return wait_status_; }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  int wait_status_ = 0;
  int stdout_fd_ = -1, stderr_fd_ = -1;
};

}  // namespace loopscope
