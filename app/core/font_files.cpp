#include "core/font_files.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <system_error>

namespace loopscope {

namespace fs = std::filesystem;

std::vector<std::string> font_search_dirs() {
  std::vector<std::string> dirs;
  auto add_env = [&](const char* var, const char* suffix) {
    const char* value = std::getenv(var);
    if (value && *value) dirs.push_back(std::string(value) + suffix);
  };
  add_env("LOOPSCOPE_FONT_DIR", "");
  add_env("XDG_DATA_HOME", "/fonts");
  add_env("HOME", "/.local/share/fonts");
  add_env("HOME", "/.fonts");
  dirs.emplace_back("/usr/local/share/fonts");
  dirs.emplace_back("/usr/share/fonts");
  return dirs;
}

std::string find_font_file(const std::string& file_name, const std::vector<std::string>& dirs) {
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->path().filename() == file_name) return it->path().string();
    }
  }
  return {};
}

std::string find_font_file(const std::string& file_name) {
  static std::mutex mutex;
  static std::map<std::string, std::string> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(file_name);
  if (it == cache.end()) it = cache.emplace(file_name, find_font_file(file_name, font_search_dirs())).first;
  return it->second;
}

}  // namespace loopscope
