// The App and the learner's edits: the editor writes into the workspace's program, which keeps
// the edit per lesson program and exercise (workspace/workspace.h). Reset asks before it throws
// an edit away; the editor puts the original back as one undoable step.
#include <filesystem>

#include "ui/app.h"

namespace loopscope::ui {
namespace fs = std::filesystem;

void App::ResetProgram() {
  const Program& program = workspace_.program();
  if (!program.dirty()) return;
  const std::string name = program.path.empty() ? std::string("the program") : fs::path(program.path).filename().string();
  reset_confirm_.Ask("Reset " + name + "?",
                     "Your changes to " + name + " will be replaced by the original program. "
                     "(Ctrl+Z in the editor brings them back until you switch lessons.)",
                     "Reset");
}

void App::ResetProgramNow() {
  Program& program = workspace_.program();
  code_view_.ReplaceText(program, program.original);  // undoable in the editor
  workspace_.ForgetEditedRun();
  AfterAction();
}

void App::EditProgram(const std::string& text) {
  workspace_.program().text = text;
  code_view_.StartEditing();
}

void App::ShowProgramText(const std::string& text) {
  workspace_.program().text = text;
  code_view_.editing = false;
}

}  // namespace loopscope::ui
