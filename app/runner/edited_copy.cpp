#include "runner/edited_copy.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace loopscope {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kPrefix = "loopscope-edit-";

std::atomic<int> g_copies{0};

bool process_gone(long pid) { return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH; }

}  // namespace

bool EditedCopy::write(const std::string& original_path, std::string_view text, std::string* error) {
  remove();
  sweep_stale_copies();
  std::error_code ec;
  const fs::path tmp = fs::temp_directory_path(ec);
  if (ec) {
    if (error) *error = "no temporary folder for the edited program: " + ec.message();
    return false;
  }
  const fs::path folder =
      tmp / (std::string(kPrefix) + std::to_string(::getpid()) + "-" + std::to_string(g_copies.fetch_add(1)));
  fs::create_directories(folder, ec);
  fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, ec);  // private: 0700
  const fs::path name = fs::path(original_path).filename();
  const fs::path copy = folder / (name.empty() ? fs::path("program.py") : name);
  std::ofstream out(copy, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) {
    if (error) *error = "cannot write the edited program to " + copy.string();
    fs::remove_all(folder, ec);
    return false;
  }
  folder_ = folder.string();
  path_ = copy.string();
  return true;
}

void EditedCopy::remove() {
  if (folder_.empty()) return;
  std::error_code ec;
  fs::remove_all(folder_, ec);
  folder_.clear();
  path_.clear();
}

void put_first_on_python_path(RunRequest& request, const std::string& folder) {
  if (folder.empty()) return;
  for (auto& [name, value] : request.env) {
    if (name == "PYTHONPATH") {
      value = value.empty() ? folder : folder + ":" + value;
      return;
    }
  }
  const char* inherited = std::getenv("PYTHONPATH");
  request.env.emplace_back("PYTHONPATH", inherited && *inherited ? folder + ":" + inherited : folder);
}

int sweep_stale_copies() {
  std::error_code ec;
  const fs::path tmp = fs::temp_directory_path(ec);
  if (ec) return 0;
  int removed = 0;
  for (fs::directory_iterator it(tmp, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(kPrefix, 0) != 0) continue;
    const long pid = std::strtol(name.c_str() + kPrefix.size(), nullptr, 10);
    std::error_code rm;
    if (process_gone(pid) && fs::remove_all(it->path(), rm) > 0) ++removed;
  }
  return removed;
}

}  // namespace loopscope
