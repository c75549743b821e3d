#include "runner/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>

extern char** environ;

namespace loopscope {

namespace {

constexpr int kEventFd = 3;  // the runtime writes its records here (--events-ring 3)

// A pipe whose ends are above the standard fds and the event fd, close-on-exec: posix_spawn's
// dup2 then never sees a descriptor already in place (which would keep its CLOEXEC flag).
bool high_pipe(int fds[2]) {
  int raw[2];
  if (::pipe2(raw, O_CLOEXEC) != 0) return false;
  for (int i = 0; i < 2; ++i) {
    fds[i] = ::fcntl(raw[i], F_DUPFD_CLOEXEC, 10);
    ::close(raw[i]);
  }
  return fds[0] >= 0 && fds[1] >= 0;
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

std::vector<std::string> merged_environment(const std::vector<std::pair<std::string, std::string>>& extra) {
  std::map<std::string, std::string> vars;
  for (char** e = environ; e && *e; ++e) {
    const std::string entry(*e);
    const auto eq = entry.find('=');
    if (eq != std::string::npos) vars[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  for (const auto& [k, v] : extra) vars[k] = v;
  std::vector<std::string> out;
  for (const auto& [k, v] : vars) out.push_back(k + "=" + v);
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && !reaped_) {
    kill_group();
    wait_exit();
  }
  close_pipes();
}

bool ChildProcess::spawn(const SpawnSpec& spec, std::string* error) {
  int out[2] = {-1, -1}, err[2] = {-1, -1};
  auto fail = [&](const std::string& what) {
    for (int* p : {out, err}) {
      close_fd(p[0]);
      close_fd(p[1]);
    }
    if (error) *error = what;
    return false;
  };
  if (!high_pipe(out) || !high_pipe(err))
    return fail(std::string("cannot create pipes: ") + std::strerror(errno));

  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&attr, 0);  // its own process group: stop() kills everything it starts
  sigset_t none, all_default;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attr, &none);
  sigemptyset(&all_default);
  for (int sig : {SIGPIPE, SIGINT, SIGTERM, SIGCHLD, SIGHUP}) sigaddset(&all_default, sig);
  posix_spawnattr_setsigdefault(&attr, &all_default);
  if (!spec.inherit_stdin) posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  if (spec.events_fd >= 0) posix_spawn_file_actions_adddup2(&actions, spec.events_fd, kEventFd);
  if (!spec.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, spec.cwd.c_str());

  std::vector<std::string> args = spec.argv;
  std::vector<std::string> env = merged_environment(spec.env);
  auto argv = pointers(args);
  auto envp = pointers(env);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) return fail("cannot start " + spec.argv[0] + ": " + std::strerror(rc));

  pid_ = pid;
  reaped_ = false;
  // Our copies of the write ends must go, or we would never see end-of-file.
  close_fd(out[1]);
  close_fd(err[1]);
  stdout_fd_ = out[0];
  stderr_fd_ = err[0];
  return true;
}

void ChildProcess::close_pipes() {
  close_fd(stdout_fd_);
  close_fd(stderr_fd_);
}

void ChildProcess::kill_group() {
  if (pid_ <= 0) return;
  ::kill(-pid_, SIGKILL);
  if (!reaped_) ::kill(pid_, SIGKILL);  // in case it has not reached its own group yet
}

bool ChildProcess::poll_exit() {
  if (reaped_ || pid_ <= 0) return reaped_;
  int status = 0;
  const pid_t r = ::waitpid(pid_, &status, WNOHANG);
  if (r == pid_) {
    reaped_ = true;
    wait_status_ = status;
  } else if (r < 0 && errno == ECHILD) {
    reaped_ = true;  // reaped elsewhere: treat as ended
  }
  return reaped_;
}

void ChildProcess::wait_exit() {
  while (pid_ > 0 && !reaped_) {
    int status = 0;
    const pid_t r = ::waitpid(pid_, &status, 0);
    if (r == pid_) {
      reaped_ = true;
      wait_status_ = status;
    } else if (r < 0 && errno != EINTR) {
      reaped_ = true;
    }
  }
}

}  // namespace loopscope
