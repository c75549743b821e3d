// The code pane: the program with line numbers and Python colours; the line of the step at the
// playhead marked with an arrow in its lane's colour; gutter counts on lines where tasks
// suspended or generators yielded (hover lists them); an edit mode with Run / Reset and an
// unsaved marker; the line of a syntax error or exception underlined with its message.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/trace_model.h"
#include "ui/lane_colors.h"
#include "ui/program.h"
#include "core/python_tokens.h"

namespace loopscope::ui {

struct LineMarks {
  int suspends = 0;
  int yields = 0;
  std::vector<std::string> items;  // first few, for the tooltip
};

// Suspension and yield counts per line of the program, from the trace.
std::map<int, LineMarks> line_marks(const Trace& trace);
// Adds the marks of events [from, until) (until: at most the end) to `marks`.
void add_line_marks(const Trace& trace, std::size_t from, std::map<int, LineMarks>& marks,
                    std::size_t until = static_cast<std::size_t>(-1));

struct CodeProblem {
  int line = 0;
  std::string message;
};

class CodeView {
 public:
  struct Actions {
    bool run = false, stop = false, reset = false;
  };
  Actions Draw(Program& program, const Trace& trace, EventIndex playhead, const LaneColors& colors, bool running,
               const CodeProblem& problem);
  void ScrollToLine(int line) { scroll_to_ = line; flash_line_ = line; }
  void OnNewTrace() { marks_events_ = static_cast<std::size_t>(-1); }
  bool editing = false;

 private:
  void DrawHeader(Program& program, bool running, Actions& actions);
  void DrawReadOnly(const Program& program, const Trace& trace, EventIndex playhead, const LaneColors& colors,
                    const CodeProblem& problem);
  std::string tokens_for_;  // the text the tokens were computed for
  std::vector<std::vector<Token>> tokens_;
  std::map<int, LineMarks> marks_;
  std::size_t marks_events_ = static_cast<std::size_t>(-1);
  int scroll_to_ = 0;
  int flash_line_ = 0;
  EventIndex last_playhead_ = kNoEvent;
};

}  // namespace loopscope::ui
