// Finding the interpreter and the runtime file.
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "core/data_paths.h"
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

// "3.12.1" -> {3, 12, 1}, for picking the newest install.
std::vector<int> version_numbers(const std::string& name) {
  std::vector<int> out;
  std::size_t i = 0;
  while (i < name.size()) {
    std::size_t j = i;
    while (j < name.size() && std::isdigit(static_cast<unsigned char>(name[j]))) ++j;
    if (j == i) break;
    out.push_back(std::stoi(name.substr(i, j - i)));
    if (j >= name.size() || name[j] != '.') break;
    i = j + 1;
  }
  return out;
}

}  // namespace

std::string find_cpython(const std::string& version) {
  const std::string exe = "python" + version;
  if (const std::string found = on_path(exe); !found.empty() && found.find("/shims/") == std::string::npos)
    return found;
  std::string root;
  if (const char* env = std::getenv("PYENV_ROOT"); env && *env) root = env;
  else if (const char* home = std::getenv("HOME"); home && *home) root = std::string(home) + "/.pyenv";
  if (root.empty()) return {};
  std::error_code ec;
  std::string best;
  std::vector<int> best_version;
  for (const auto& entry : std::filesystem::directory_iterator(root + "/versions", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(version + ".", 0) != 0) continue;
    const std::string candidate = (entry.path() / "bin" / exe).string();
    if (!executable(candidate)) continue;
    if (const auto v = version_numbers(name); best.empty() || v > best_version) {
      best = candidate;
      best_version = v;
    }
  }
  return best;
}

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
  // The package (a folder with __main__.py), next to the binary in the build tree or in
  // <prefix>/share/loopscope when installed; the single-file entry beside it also works.
  const std::string package = locate_data("loopscope_runtime");
  std::error_code ec;
  if (!package.empty() && std::filesystem::exists(std::filesystem::path(package) / "__main__.py", ec)) return package;
  return locate_data("loopscope_runtime.py");
}

}  // namespace loopscope
