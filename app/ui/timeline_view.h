// The timeline panel: the toolbar (transport, pace, step filter, follow, fit, my code /
// everything) and the canvas. Painting and hit testing are the headless TimelineScene's
// (app/ui/timeline); this view only turns mouse and keys into axis moves, scrolling, playhead
// moves and selection, and paints the scene through ImGui's draw list.
#pragma once

#include <string>

#include "core/next_run_game.h"
#include "core/playhead.h"
#include "core/time_axis.h"
#include "core/trace_model.h"
#include "core/view_selection.h"
#include "ui/timeline/timeline_scene.h"

namespace loopscope {

struct TimelineView {
  // Draws into the current ImGui window (fills the available region). `live`: a run is still
  // streaming events (the axis grows with it while follow-live is on).
  void Draw(const Trace& trace, Playhead& playhead, Selection& selection, bool live);

  // Global shortcuts (Space, arrows, Home/End, F, +/-, ?). Draw() calls it; call it yourself
  // only if the timeline is not drawn this frame. Ignored while a text field is active.
  void HandleKeys(const Trace& trace, Playhead& playhead, Selection& selection);

  void RequestFit() { fit_requested_ = true; }  // fit the run at the next Draw
  // Compare: `pinned` (an earlier run, kept alive by the caller; null to stop) is drawn above the
  // current run on the same time axis, each under its title. Clicks and keys act on the run
  // last clicked (PinnedFocused()), which has its own playhead.
  void SetPinned(const Trace* pinned, std::string pinned_title, std::string current_title);
  bool PinnedFocused() const { return pinned_ && focus_pinned_; }
  Playhead& PinnedPlayhead() { return pinned_playhead_; }
  bool unpin_requested = false;  // the learner closed the comparison (the caller unpins)
  void OnNewTrace() { fit_requested_ = true; last_event_count_ = 0; scroll_y_ = 0; }
  const TimeAxis& axis() const { return axis_; }
  bool show_shortcuts = false;       // the `?` overlay
  timeline::TimelineOptions options; // groups shown ("my code / everything", generators)
  // The presenter layout: a compact toolbar, a caption of the current step above the lanes,
  // taller lanes (as tall as leaves room for six).
  bool presenter = false;
  // "Which task runs next?" (timeline_quiz.cpp): set by the owner, null when the quiz is off.
  // Where the loop is about to pick, a banner asks and the lanes it could pick are outlined; a
  // click on one answers, and the playhead moves onto the answer. Not while a run is live or
  // while comparing runs.
  NextRunGame* quiz = nullptr;

 private:
  void DrawToolbar(const Trace& trace, Playhead& playhead, Selection& selection, bool live);
  void DrawTransport(const Trace& trace, Playhead& playhead);
  void DrawViewOptions(const Trace& trace, Playhead& playhead, bool live);
  void DrawCaption(const Trace& trace, const Playhead& playhead);
  timeline::TimelineStyle Style(float canvas_height) const;
  // One of the runs on the canvas (two when comparing).
  struct Part {
    const Trace* trace;
    timeline::TimelineScene* scene;
    Playhead* playhead;
    Selection* selection;
    timeline::Rect area;  // below its title band
    std::string title;
    bool pinned;
  };
  std::vector<Part> Parts(const Trace& trace, Playhead& playhead, Selection& selection);
  void DrawPartTitle(const Part& part, float y, float height);
  void DrawCanvas(const Trace& trace, Playhead& playhead, Selection& selection, bool live);
  void FollowTheRun(const Trace& trace, const Playhead& playhead, bool live);
  void HandleMouse(const Trace& trace, Playhead& playhead, Selection& selection, bool hovered, bool active);
  void Click(const Trace& trace, Playhead& playhead, Selection& selection);
  void DrawShortcutsOverlay();
  void KeepVisible(const Trace& trace, EventIndex event);
  // The quiz (timeline_quiz.cpp).
  bool QuizActive(const Trace& trace, bool live) const;
  void FollowQuiz(const Trace& trace, const Playhead& playhead, bool live);
  void DrawQuizBanner(const Trace& trace, Playhead& playhead, Selection& selection);
  timeline::QuizMarks QuizMarks(const Playhead& playhead);
  bool AnswerQuiz(const Trace& trace, Playhead& playhead, Selection& selection);  // a click; true if it answered
  void NextQuestion(const Trace& trace, Playhead& playhead, Selection& selection);
  bool quiz_live_ = false;               // QuizActive this frame
  EventIndex quiz_position_ = kNoEvent;  // the playhead the quiz last saw
  float quiz_banner_h_ = 0, quiz_banner_width_ = 0;  // the banner's sticky height, for a width

  TimeAxis axis_;
  timeline::TimelineScene scene_;
  // Comparing with a pinned run.
  const Trace* pinned_ = nullptr;
  std::string pinned_title_, current_title_;
  timeline::TimelineScene pinned_scene_;
  Playhead pinned_playhead_;
  Selection pinned_selection_;
  bool focus_pinned_ = false;
  std::vector<Part> parts_;           // rebuilt every frame
  int hover_part_ = -1;               // index into parts_ of the part under the mouse (or dragged in)
  const Part* HoverPart() const {
    return hover_part_ >= 0 && hover_part_ < static_cast<int>(parts_.size()) ? &parts_[static_cast<std::size_t>(hover_part_)] : nullptr;
  }
  timeline::Rect canvas_;
  float scroll_y_ = 0;
  bool fit_requested_ = true;
  std::size_t last_event_count_ = 0;
  EventIndex last_position_ = kNoEvent;  // to keep a playing playhead in view
  // Mouse gestures on the canvas.
  bool range_dragging_ = false;   // Shift+drag or right-drag: a range to zoom to
  bool scrubbing_ = false;        // dragging on the ruler
  bool panned_ = false;           // this press moved the view (so its release is no click)
  float range_x0_ = 0, range_x1_ = 0;
  timeline::Hit hover_;           // what the mouse is over
};

}  // namespace loopscope
