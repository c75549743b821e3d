#include "ui/native_file_dialog.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "runner/child_process.h"

namespace loopscope::ui {
namespace fs = std::filesystem;

std::string find_native_dialog() {
  const char* setting = std::getenv("LOOPSCOPE_NATIVE_DIALOGS");
  if (setting && std::string(setting) == "0") return {};
  const char* display = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  if ((!display || !*display) && (!wayland || !*wayland)) return {};
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (dir.empty()) continue;
    const fs::path candidate = fs::path(dir) / "zenity";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return {};
}

std::vector<std::string> zenity_arguments(const NativeDialogRequest& request) {
  std::vector<std::string> args{"--file-selection", "--title=" + request.title};
  // A folder given with its trailing '/' opens in it; a name after it is the suggestion.
  std::string start = request.folder.empty() ? std::string() : (fs::path(request.folder) / "").string();
  if (request.save) start += request.default_name;
  if (!start.empty()) args.push_back("--filename=" + start);
  if (request.save) {
    args.push_back("--save");
    args.push_back("--confirm-overwrite");
  }
  if (!request.extensions.empty()) {
    std::string filter = "--file-filter=";
    for (const std::string& ext : request.extensions) filter += "*" + ext + " ";
    filter.pop_back();
    args.push_back(filter);
  }
  return args;
}

NativeFileDialog::NativeFileDialog() = default;

NativeFileDialog::~NativeFileDialog() {
  if (child_) child_->kill_group();
  if (pending_.valid()) pending_.wait();
}

bool NativeFileDialog::Start(const NativeDialogRequest& request) {
  if (open()) return true;
  const std::string zenity = find_native_dialog();
  if (zenity.empty()) return false;
  SpawnSpec spec;
  spec.argv.push_back(zenity);
  for (std::string& a : zenity_arguments(request)) spec.argv.push_back(std::move(a));
  auto child = std::make_shared<ChildProcess>();
  std::string error;
  if (!child->spawn(spec, &error)) return false;
  child_ = child;
  // The answer is zenity's stdout (the path) and its exit status (1: cancelled).
  pending_ = std::async(std::launch::async, [child] {
    std::string out;
    char buffer[4096];
    for (ssize_t n; (n = ::read(child->stdout_fd(), buffer, sizeof buffer)) != 0;) {
      if (n < 0) {
        if (errno == EINTR) continue;
        break;
      }
      out.append(buffer, static_cast<std::size_t>(n));
    }
    child->wait_exit();
    Answer answer;
    const int status = child->wait_status();
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    if (code == 0 && !out.empty()) answer = {State::Chosen, out};
    else if (code == 1) answer = {State::Cancelled, {}};
    return answer;
  });
  return true;
}

NativeFileDialog::State NativeFileDialog::Poll(std::string* path) {
  if (!pending_.valid()) return State::Idle;
  if (pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return State::Open;
  Answer answer = pending_.get();
  child_.reset();
  if (path) *path = answer.path;
  return answer.state;
}

}  // namespace loopscope::ui
