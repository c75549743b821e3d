#include "runner/lesson_run.h"

#include <filesystem>

#include "runner/edited_copy.h"

namespace loopscope {

RunRequest lesson_run_request(const Lesson& lesson, const std::string& script, const KnobValues& knobs) {
  namespace fs = std::filesystem;
  std::error_code ec;
  RunRequest request;
  // Absolute, so that a relative script is not read relative to the lesson folder.
  request.script = fs::absolute(script, ec).string();
  request.cwd = fs::absolute(lesson.folder, ec).string();
  request.env = knob_env(lesson, knobs);
  request.timeout_s = lesson.timeout_s;
  const fs::path script_folder = fs::path(request.script).parent_path().lexically_normal();
  if (script_folder != fs::path(request.cwd).lexically_normal()) put_first_on_python_path(request, request.cwd);
  return request;
}

}  // namespace loopscope
