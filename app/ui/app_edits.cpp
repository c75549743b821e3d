// The App and the learner's edits: each lesson program and each exercise keeps its edited text
// (core/edits_store.h) across lesson switches and restarts; Reset asks before it throws an
// edit away and clears every mark the old text's run left.
#include <filesystem>

#include "ui/app.h"

namespace loopscope::ui {
namespace fs = std::filesystem;

namespace {
constexpr double kKeepAfterPause = 0.5;  // seconds without typing before an edit is written
}  // namespace

std::optional<EditKey> App::EditKeyOfProgram() const {
  const Lesson* l = lesson();
  if (!l || program_.path.empty() || program_.solution) return std::nullopt;  // a solution is read-only
  EditKey key{l->id, {}, fs::path(program_.path).filename().string()};
  if (program_.exercise >= 0 && static_cast<std::size_t>(program_.exercise) < l->exercises.size())
    key.exercise = l->exercises[static_cast<std::size_t>(program_.exercise)].id;
  return key;
}

void App::RestoreKeptEdit() {
  if (const auto key = EditKeyOfProgram()) {
    if (auto kept = edits_.load(*key)) program_.text = std::move(*kept);
  }
  kept_text_ = program_.text;
  edit_changed_at_ = 0.0;
}

void App::KeepEditSoon() {
  if (program_.text == kept_text_) {
    edit_changed_at_ = 0.0;
    return;
  }
  if (edit_changed_at_ == 0.0) edit_changed_at_ = Now();
  if (Now() - edit_changed_at_ >= kKeepAfterPause) KeepEditNow();
}

void App::KeepEditNow() {
  edit_changed_at_ = 0.0;
  if (program_.text == kept_text_) return;
  kept_text_ = program_.text;
  const auto key = EditKeyOfProgram();
  if (!key) return;
  std::string error;
  if (!edits_.keep(*key, program_.text, program_.original, &error)) Toast("Could not keep your edit: " + error);
}

void App::ResetProgram() {
  if (!program_.dirty()) return;
  const std::string name = program_.path.empty() ? std::string("the program") : fs::path(program_.path).filename().string();
  reset_confirm_.Ask("Reset " + name + "?",
                     "Your changes to " + name + " will be replaced by the original program. "
                     "(Ctrl+Z in the editor brings them back until you switch lessons.)",
                     "Reset");
}

void App::ResetProgramNow() {
  StopRun();
  code_view_.ReplaceText(program_, program_.original);  // undoable in the editor
  KeepEditNow();                                         // equal to the original: the edit is dropped
  // The last run was of the old text: its error banner, underline, problems and timeline go.
  NewTrace();
  run_started_ = false;
  start_error_.clear();
  CollectProblems();
}

void App::EditProgram(const std::string& text) {
  program_.text = text;
  code_view_.StartEditing();
}

void App::ShowProgramText(const std::string& text) {
  program_.text = text;
  code_view_.editing = false;
}

void App::DrawEditPopups() {
  if (reset_confirm_.Draw()) ResetProgramNow();
}

}  // namespace loopscope::ui
