// Where loopscope's own files are: the lessons, the themes and icon (assets), the Python
// runtime, the benchmark workloads. In the build tree they sit next to the binary or one level
// up (the source tree); an installed binary finds them in <prefix>/share/loopscope.
#pragma once

#include <filesystem>
#include <string>

namespace loopscope {

// The running executable (Linux: /proc/self/exe), and the folder it lives in; empty if unknown.
std::filesystem::path executable_path();
std::filesystem::path executable_dir();

// The first existing `name` among: the folder in the environment variable `env` (when set and
// existing), <exe dir>/<name>, <exe dir>/../<name>, <exe dir>/../share/loopscope/<name>.
// Empty when none exists. Works for folders and files alike.
std::string locate_data(const std::string& name, const char* env = nullptr);

}  // namespace loopscope
