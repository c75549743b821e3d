// The console: the program's output from the trace's print events, each line tagged and
// coloured by the lane that printed it; lines after the playhead are dimmed (they have not
// happened yet at that step); clicking a line moves the playhead to it.
#pragma once

#include <vector>

#include "core/playhead.h"
#include "core/python_traceback.h"
#include "core/lane_names.h"
#include "core/trace_model.h"
#include "core/view_selection.h"
#include "ui/lane_colors.h"

namespace loopscope::ui {

class ConsoleView {
 public:
  void Draw(const Trace& trace, Playhead& playhead, Selection& selection, const LaneColors& colors, bool live);
  void Reset() {
    prints_.clear();
    scanned_ = 0;
    scrolled_for_ = kNoEvent;
  }
  std::size_t line_count() const { return prints_.size(); }
  // The program as run and as the learner knows it: an edited copy's path reads as its name.
  void SetProgramFiles(ProgramFiles files) { files_ = std::move(files); }

 private:
  void Scan(const Trace& trace);
  std::vector<EventIndex> prints_;  // indices of Print events, in order
  std::size_t scanned_ = 0;
  EventIndex scrolled_for_ = kNoEvent;  // the playhead the view last scrolled to
  ProgramFiles files_;
  LaneNames names_;  // tags as the timeline titles the lanes
};

}  // namespace loopscope::ui
