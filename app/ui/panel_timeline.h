// The timeline slot of the layout: engineer C2's TimelineView when it is built in, else a
// placeholder that lists the lanes (this file is named apart from C2's timeline_* files). Hidden
// behind a pointer so the App's layout never depends on which one was compiled.
#pragma once

#include <memory>

#include "core/playhead.h"
#include "core/trace_model.h"
#include "core/view_selection.h"

namespace loopscope::ui {

class TimelineHost {
 public:
  TimelineHost();
  ~TimelineHost();
  void Draw(const Trace& trace, Playhead& playhead, Selection& selection, bool live);
  void OnNewTrace();
  void RequestFit();
  bool ShortcutsOverlay() const;
  void SetShortcutsOverlay(bool on);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace loopscope::ui
