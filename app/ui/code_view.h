// The code pane: the program with line numbers and Python colours; the line of the step at the
// playhead marked with an arrow in its lane's colour; gutter counts on lines where tasks
// suspended or generators yielded (hover lists them); an edit mode (ui/code_editor) with Run /
// Reset and an "edited" marker; the line of a syntax error or exception underlined with its
// message, in both modes, following the lines the learner adds or removes above it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/edit_buffer.h"
#include "core/lane_names.h"
#include "core/trace_model.h"
#include "ui/lane_colors.h"
#include "workspace/program.h"
#include "core/python_tokens.h"
#include "ui/code_editor.h"

namespace loopscope::ui {

struct LineMarks {
  int suspends = 0;
  int yields = 0;
  std::vector<std::string> items;  // first few, for the tooltip
};

// Suspension and yield counts per line of the program, from the trace.
std::map<int, LineMarks> line_marks(const Trace& trace);
// Adds the marks of events [from, until) (until: at most the end) to `marks`; with `names`,
// lanes are called as the timeline titles them.
void add_line_marks(const Trace& trace, std::size_t from, std::map<int, LineMarks>& marks,
                    const LaneNames* names = nullptr, std::size_t until = static_cast<std::size_t>(-1));

struct CodeProblem {
  int line = 0;
  std::string message;
  bool operator==(const CodeProblem&) const = default;
};

class CodeView {
 public:
  struct Actions {
    bool run = false, stop = false, reset = false;
  };
  Actions Draw(Program& program, const Trace& trace, EventIndex playhead, const LaneColors& colors, bool running,
               const CodeProblem& problem);
  // Shows `line` (1-based): scrolled to and outlined, or the editor's cursor put on it.
  void ScrollToLine(int line);
  void OnNewTrace() { marks_events_ = static_cast<std::size_t>(-1); }
  // Puts `text` in the editor as one undoable step (Reset: Ctrl+Z takes it back).
  void ReplaceText(Program& program, const std::string& text);
  // Edit mode with the cursor in the editor.
  void StartEditing() { editing = true; editor_.Focus(); }
  bool editing = false;

 private:
  void DrawHeader(Program& program, bool running, Actions& actions);
  void SyncBuffer(const Program& program);
  void DrawReadOnly(const Program& program, const Trace& trace, EventIndex playhead, const LaneColors& colors,
                    const CodeProblem& problem);
  EditBuffer buffer_;            // the text being edited (Program::text follows it)
  CodeEditor editor_;
  std::string synced_text_;      // the program text the buffer holds
  std::string synced_program_;   // which program that is (path, exercise)
  CodeProblem applied_problem_;  // the problem whose line the buffer marks
  std::string tokens_for_;  // the text the tokens were computed for
  std::vector<std::vector<Token>> tokens_;
  std::map<int, LineMarks> marks_;
  std::size_t marks_events_ = static_cast<std::size_t>(-1);
  LaneNames names_;
  int scroll_to_ = 0;
  float last_view_h_ = 0.0f;  // the lines' visible height at the last frame
  int flash_line_ = 0;
  EventIndex last_playhead_ = kNoEvent;
};

}  // namespace loopscope::ui
