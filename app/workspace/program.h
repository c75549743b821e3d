// The program the learner works on: a lesson's program, an exercise's start file (edited), its
// reference solution (read-only), or any script. The code pane shows and edits `text`; a run
// runs `text` (from a private copy when it differs from the file, see runner/edited_copy.h).
#pragma once

#include <string>

namespace loopscope {

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

}  // namespace loopscope
