// How an edited program runs without touching the shipped file: its text goes to a private
// folder (<tmp>/loopscope-edit-<pid>-<n>/<the original's file name>), and the original's folder
// is put first on the child's PYTHONPATH, so `import helper` of a module beside the original
// works as in a run of the original (the run's working folder stays the original's too: see
// lesson_run.h). The copy and its folder are removed when the run is over; folders that a
// crashed loopscope left behind are swept at the next copy.
//
// The copy's path shows up in Python's tracebacks; the app names the file as the learner knows
// it (core/python_traceback.h: rename_program_path).
#pragma once

#include <string>
#include <string_view>

#include "runner/run_session.h"

namespace loopscope {

class EditedCopy {
 public:
  EditedCopy() = default;
  ~EditedCopy() { remove(); }
  EditedCopy(const EditedCopy&) = delete;
  EditedCopy& operator=(const EditedCopy&) = delete;

  // Writes `text` as a copy of `original_path` (the previous copy, if any, goes first).
  bool write(const std::string& original_path, std::string_view text, std::string* error);
  const std::string& path() const { return path_; }  // empty when there is no copy
  // Removes the copy and its folder (safe to call twice).
  void remove();

 private:
  std::string folder_, path_;
};

// Puts `folder` first on the child's PYTHONPATH, ahead of any entries inherited from ours.
void put_first_on_python_path(RunRequest& request, const std::string& folder);

// Removes <tmp>/loopscope-edit-<pid>-* folders whose process is gone. Returns how many.
int sweep_stale_copies();

}  // namespace loopscope
