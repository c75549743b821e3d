// The workspace and the learner's edits: each lesson program and each exercise keeps its edited
// text (core/edits_store.h) across lesson switches and restarts; a reset throws the edit away
// and every mark the old text's run left.
#include <filesystem>

#include "workspace/monotonic_clock.h"
#include "workspace/workspace.h"

namespace loopscope {
namespace fs = std::filesystem;

namespace {
constexpr double kKeepAfterPause_s = 0.5;  // without typing, before an edit is written
}  // namespace

// Edits are kept for the shipped files a learner changes: a lesson's program and an exercise's
// start file. A solution is read-only; a script of their own is saved by their own editor.
std::optional<EditKey> Workspace::EditKeyOfProgram() const {
  const Lesson* l = lesson();
  if (!l || program_.path.empty() || program_.solution) return std::nullopt;
  EditKey key{l->id, {}, fs::path(program_.path).filename().string()};
  if (program_.exercise < 0) return program_.path == l->main_path ? std::optional(key) : std::nullopt;
  const Exercise* ex = ExerciseOfLesson(program_.exercise);
  if (!ex || program_.path != ex->start_path) return std::nullopt;  // an answer from elsewhere
  key.exercise = ex->id;
  return key;
}

void Workspace::RestoreKeptEdit() {
  if (const auto key = EditKeyOfProgram()) {
    if (auto kept = edits_.load(*key)) program_.text = std::move(*kept);
  }
  kept_text_ = program_.text;
  edit_changed_at_ = 0.0;
}

void Workspace::KeepEditSoon() {
  if (program_.text == kept_text_) {
    edit_changed_at_ = 0.0;
    return;
  }
  const double now = monotonic_seconds();
  if (edit_changed_at_ == 0.0) edit_changed_at_ = now;
  if (now - edit_changed_at_ >= kKeepAfterPause_s) KeepEditNow();
}

void Workspace::KeepEditNow() {
  edit_changed_at_ = 0.0;
  if (program_.text == kept_text_) return;
  kept_text_ = program_.text;
  const auto key = EditKeyOfProgram();
  if (!key) return;
  std::string error;
  if (!edits_.keep(*key, program_.text, program_.original, &error)) news_.message = "Could not keep your edit: " + error;
}

void Workspace::ResetProgram() {
  program_.text = program_.original;
  ForgetEditedRun();
}

void Workspace::ForgetEditedRun() {
  StopRun();
  KeepEditNow();  // equal to the original: the edit is dropped
  // The last run was of the old text: its error banner, underline, problems and timeline go.
  NewTrace();
  run_started_ = false;
  start_error_.clear();
}

}  // namespace loopscope
