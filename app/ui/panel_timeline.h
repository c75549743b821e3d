// The timeline slot of the layout, behind a pointer so that the App's header does not pull in
// the timeline's headers.
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
