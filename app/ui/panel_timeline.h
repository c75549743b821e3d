// The timeline slot of the layout, behind a pointer so that the App's header does not pull in
// the timeline's headers.
#pragma once

#include <memory>

#include "core/next_run_game.h"
#include "core/playhead.h"
#include "core/trace_model.h"
#include "core/view_selection.h"
#include "ui/timeline/timeline_svg.h"

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
  void SetPresenter(bool on);
  void SetQuiz(NextRunGame* game);  // null: the quiz is off
  // Compare with an earlier run (kept alive by the caller; null to stop); see TimelineView.
  void SetPinned(const Trace* pinned, std::string pinned_title, std::string current_title);
  bool PinnedFocused() const;
  Playhead& PinnedPlayhead();
  bool TakeUnpinRequest();
  // What an export of "the timeline as shown" takes: the visible range, the groups open.
  timeline::SvgExportOptions ExportOptions() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace loopscope::ui
