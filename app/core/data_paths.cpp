#include "core/data_paths.h"

#include <cstdlib>
#include <system_error>

namespace loopscope {

namespace fs = std::filesystem;

fs::path executable_path() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe;
}

fs::path executable_dir() { return executable_path().parent_path(); }

std::string locate_data(const std::string& name, const char* env) {
  std::error_code ec;
  if (env) {
    if (const char* value = std::getenv(env); value && *value && fs::exists(value, ec)) return value;
  }
  const fs::path exe = executable_dir();
  if (exe.empty()) return {};
  for (const fs::path& candidate : {exe / name, exe.parent_path() / name, exe.parent_path() / "share" / "loopscope" / name})
    if (fs::exists(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
  return {};
}

}  // namespace loopscope
