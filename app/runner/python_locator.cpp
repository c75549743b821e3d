// Finding the interpreter and the runtime file.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

#include "runner/run_session.h"

namespace loopscope {

namespace {

bool executable(const std::string& path) { return !path.empty() && ::access(path.c_str(), X_OK) == 0; }

std::string on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (!path) return {};
  std::string dirs(path);
  for (std::size_t start = 0; start <= dirs.size();) {
    const auto end = dirs.find(':', start);
    const std::string dir = dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!dir.empty() && executable(dir + "/" + name)) return dir + "/" + name;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return {};
}

}  // namespace

std::string locate_python(const std::string& requested) {
  if (!requested.empty()) {
    // A bare name ("python3.12") is looked up on PATH; a path must exist as given.
    if (requested.find('/') == std::string::npos) return on_path(requested);
    return executable(requested) ? requested : std::string();
  }
  if (const char* env = std::getenv("LOOPSCOPE_PYTHON"); env && *env) return locate_python(env);
  if (executable("/usr/bin/python3")) return "/usr/bin/python3";
  return on_path("python3");
}

std::string locate_runtime() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const auto package = exe.parent_path() / "loopscope_runtime";
  if (std::filesystem::exists(package / "__main__.py", ec)) return package.string();
  const auto file = exe.parent_path() / "loopscope_runtime.py";
  return std::filesystem::exists(file, ec) ? file.string() : std::string();
}

}  // namespace loopscope
