// The program the code pane shows and runs: a lesson's program, an exercise copy, or a script.
#pragma once

#include <string>

namespace loopscope::ui {

struct Program {
  std::string title;         // code pane header
  std::string path;          // the file on disk (original)
  std::string original;      // its text as loaded
  std::string text;          // the editor's text (== original until edited)
  int exercise = -1;         // index into the lesson's exercises when this is an exercise copy
  bool solution = false;     // showing the reference solution of `exercise`
  bool dirty() const { return text != original; }
  bool empty() const { return path.empty() && text.empty(); }
};

}  // namespace loopscope::ui
