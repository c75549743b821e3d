// The timeline panel's canvas: layout and painting by the headless TimelineScene, mouse
// gestures here. The toolbar and keys are in timeline_toolbar.cpp. When comparing, two scenes
// (the pinned run above the current one) share the canvas and the time axis.
#include "ui/timeline_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/step_sentence.h"
#include "core/timeline_frame.h"
#include "platform/fonts.h"
#include "platform/theme.h"
#include "ui/imgui_canvas.h"

namespace loopscope {

void TimelineView::Draw(const Trace& trace, Playhead& playhead, Selection& selection, bool live) {
  if (pinned_) pinned_playhead_.update(pinned_->events(), ImGui::GetIO().DeltaTime);
  // Keys and the toolbar act on the run last clicked (the pinned one when comparing).
  const bool pinned = PinnedFocused();
  const Trace& focused = pinned ? *pinned_ : trace;
  Playhead& focused_playhead = pinned ? pinned_playhead_ : playhead;
  Selection& focused_selection = pinned ? pinned_selection_ : selection;
  HandleKeys(focused, focused_playhead, focused_selection);
  DrawToolbar(focused, focused_playhead, focused_selection, live && !pinned);
  FollowQuiz(trace, playhead, live);
  if (presenter) DrawCaption(focused, focused_playhead);
  DrawQuizBanner(trace, playhead, selection);
  // Playback moves the playhead between frames: keep it in view (follow-live fits instead).
  if (focused_playhead.playing() && focused_playhead.position() != last_position_)
    KeepVisible(focused, focused_playhead.position());
  DrawCanvas(trace, playhead, selection, live);
  last_position_ = focused_playhead.position();
  if (show_shortcuts) DrawShortcutsOverlay();
}

void TimelineView::SetPinned(const Trace* pinned, std::string pinned_title, std::string current_title) {
  if (pinned != pinned_) {
    pinned_playhead_.reset();
    if (pinned) pinned_playhead_.last(pinned->events());
    pinned_selection_.clear();
    focus_pinned_ = false;
    fit_requested_ = true;
  }
  pinned_ = pinned;
  pinned_title_ = std::move(pinned_title);
  current_title_ = std::move(current_title);
}

// Fit on a new trace or on request; grow with a live run while following it. Compared runs
// share the axis: it spans both.
void TimelineView::FollowTheRun(const Trace& trace, const Playhead& playhead, bool live) {
  Nanos run_end = std::max<Nanos>(trace.end_time(), 1000);
  Nanos start = trace.activity_start();
  if (pinned_) {
    run_end = std::max(run_end, pinned_->end_time());
    start = trace.empty() ? pinned_->activity_start() : std::min(start, pinned_->activity_start());
  }
  axis_.set_run_end(run_end);
  if (trace.events().size() < last_event_count_) fit_requested_ = true;  // a new run replaced it
  if (fit_requested_ && (!trace.empty() || pinned_)) {
    axis_.fit(static_cast<double>(std::min(start, run_end)), static_cast<double>(run_end));
    fit_requested_ = false;
  } else if (live && playhead.follow_live() && static_cast<double>(run_end) > axis_.end()) {
    axis_.fit(static_cast<double>(start), static_cast<double>(run_end) * 1.1);
  }
  last_event_count_ = trace.events().size();
}

std::vector<TimelineView::Part> TimelineView::Parts(const Trace& trace, Playhead& playhead, Selection& selection) {
  std::vector<Part> parts;
  if (!pinned_) {
    parts.push_back({&trace, &scene_, &playhead, &selection, canvas_, {}, false});
    return parts;
  }
  // The pinned run above the current one, each under a title band, heights by their rows.
  const float band = std::round(ImGui::GetFontSize() * 1.5f);
  const timeline::TimelineStyle style = Style(canvas_.h * 0.5f);
  const float want_top = timeline::TimelineScene::full_height(*pinned_, style, options);
  const float want_bottom = timeline::TimelineScene::full_height(trace, style, options);
  const float room = canvas_.h - 2 * band;
  const float top_h = std::clamp(room * want_top / std::max(1.0f, want_top + want_bottom), room * 0.3f, room * 0.7f);
  parts.push_back({pinned_, &pinned_scene_, &pinned_playhead_, &pinned_selection_,
                   {canvas_.x, canvas_.y + band, canvas_.w, top_h}, "pinned: " + pinned_title_, true});
  parts.push_back({&trace, &scene_, &playhead, &selection,
                   {canvas_.x, canvas_.y + 2 * band + top_h, canvas_.w, room - top_h}, "this run: " + current_title_, false});
  return parts;
}

void TimelineView::DrawPartTitle(const Part& part, float y, float height) {
  const auto& theme = platform::theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool focused = part.pinned == focus_pinned_;
  dl->AddRectFilled(ImVec2(canvas_.x, y), ImVec2(canvas_.right(), y + height), focused ? theme.accent_soft : theme.raised);
  ImFont* bold = platform::fonts().bold;
  const float size = bold->FontSize;
  dl->AddText(bold, size, ImVec2(canvas_.x + size * 0.5f, y + (height - size) * 0.5f), theme.text, part.title.c_str());
}

void TimelineView::DrawCanvas(const Trace& trace, Playhead& playhead, Selection& selection, bool live) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  canvas_ = {origin.x, origin.y, std::max(avail.x, 240.0f), std::max(avail.y, 120.0f)};
  const ui::ImGuiCanvas::Fonts fonts = ui::timeline_fonts();
  FollowTheRun(trace, playhead, live);
  parts_ = Parts(trace, playhead, selection);
  const auto lay_out = [&] {
    for (Part& part : parts_) {
      part.scene->sync(*part.trace, platform::theme());
      part.scene->layout(*part.trace, axis_, Style(part.area.h), options, part.area, part.pinned ? 0.0f : scroll_y_);
    }
    scroll_y_ = std::clamp(scroll_y_, 0.0f, parts_.back().scene->max_scroll());
  };
  lay_out();

  ImGui::InvisibleButton("##timeline_canvas", ImVec2(canvas_.w, canvas_.h),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                             ImGuiButtonFlags_MouseButtonMiddle);
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  HandleMouse(trace, playhead, selection, hovered, active);
  lay_out();  // the mouse may have zoomed, panned or scrolled: lay out again for what is painted

  ui::ImGuiCanvas canvas(ImGui::GetWindowDrawList(), fonts);
  for (const Part& part : parts_) {
    if (pinned_) DrawPartTitle(part, part.area.y - std::round(ImGui::GetFontSize() * 1.5f), std::round(ImGui::GetFontSize() * 1.5f));
    timeline::PaintState state;
    state.playhead = part.playhead->position();
    if (!part.pinned) state.quiz = QuizMarks(*part.playhead);
    state.selected_lane = part.selection->lane;
    state.range_drag = range_dragging_ && HoverPart() == &part;
    state.range_x0 = range_x0_;
    state.range_x1 = range_x1_;
    state.empty_hint = part.pinned ? "The pinned run is empty." : "Run the program: its tasks, suspensions and threads appear here.";
    part.scene->paint(canvas, *part.trace, platform::theme(), axis_, state);
  }

  const Part* under = HoverPart();
  selection.hovered_lane = under && !under->pinned ? hover_.lane : kNoLane;
  selection.hovered_event = under && !under->pinned ? hover_.event : kNoEvent;
  if (hovered && !active && !hover_.tooltip.empty()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
    ImGui::TextUnformatted(hover_.tooltip.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

timeline::TimelineStyle TimelineView::Style(float canvas_height) const {
  const ui::ImGuiCanvas::Fonts fonts = ui::timeline_fonts();
  timeline::TimelineStyle style =
      timeline::TimelineStyle::for_fonts(fonts.label->FontSize, fonts.small->FontSize, canvas_.w, presenter);
  if (presenter) {
    // Taller lanes, but never so tall that fewer than six fit (a projector at 200%).
    const float six = (canvas_height - style.ruler_h) / 6.0f;
    style.lane_h = std::max(std::round(style.font * 1.9f), std::min(style.lane_h, std::floor(six)));
    style.gen_h = std::min(style.gen_h, style.lane_h);
  }
  return style;
}

void TimelineView::DrawCaption(const Trace& trace, const Playhead& playhead) {
  // The story of the step, in one sentence, big enough to read from the back of the room.
  const EventIndex pos = playhead.position();
  std::string caption = pos == kNoEvent ? std::string("Run the program to see what it does.")
                                        : "Step " + std::to_string(pos) + "  \xC2\xB7  " + step_sentence(trace, pos, &(pinned_ && focus_pinned_ ? pinned_scene_ : scene_).names());
  ImGui::PushFont(platform::fonts().bold);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(caption.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
}

void TimelineView::HandleMouse(const Trace&, Playhead&, Selection&, bool hovered, bool active) {
  ImGuiIO& io = ImGui::GetIO();
  const float mx = io.MousePos.x, my = io.MousePos.y;
  // The part under the mouse; a drag keeps the part it started in.
  if (!active || !HoverPart()) {
    hover_part_ = -1;
    for (std::size_t i = 0; i < parts_.size(); ++i)
      if (my >= parts_[i].area.y && my < parts_[i].area.bottom()) hover_part_ = static_cast<int>(i);
  }
  const Part* part = HoverPart();
  hover_ = (hovered || active) && part ? part->scene->hit(*part->trace, axis_, mx, my) : timeline::Hit{};

  if (hovered && io.MouseWheel != 0) {
    if (hover_.header || io.KeyShift) {
      scroll_y_ -= io.MouseWheel * ImGui::GetFontSize() * 3;  // over the names: scroll the rows
    } else {
      axis_.zoom(mx, std::pow(1.25, static_cast<double>(io.MouseWheel)));
    }
  }
  if (hovered && io.MouseWheelH != 0) axis_.pan_px(io.MouseWheelH * ImGui::GetFontSize() * 4);
  if (!part) return;
  const auto& events = part->trace->events();
  Playhead& playhead = *part->playhead;
  Selection& selection = *part->selection;

  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && hover_.in_plot && !hover_.ruler) {
    fit_requested_ = true;
    return;
  }

  // Press: decide the gesture.
  if (ImGui::IsItemActivated()) {
    panned_ = false;
    range_dragging_ = false;
    scrubbing_ = false;
    const bool range_button = ImGui::IsMouseClicked(ImGuiMouseButton_Right) ||
                              (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && io.KeyShift);
    if (range_button && hover_.in_plot) {
      range_dragging_ = true;
      range_x0_ = range_x1_ = mx;
    } else if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && hover_.ruler) {
      scrubbing_ = true;
    }
  }

  if (active) {
    if (range_dragging_) {
      range_x1_ = std::clamp(mx, axis_.x0(), axis_.x0() + axis_.width());
    } else if (scrubbing_) {
      playhead.scrub(events, static_cast<Nanos>(std::max(0.0, axis_.t_of(mx))));
      selection.event = playhead.position();
    } else if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 3.0f)) {
      axis_.pan_px(io.MouseDelta.x);
      scroll_y_ -= io.MouseDelta.y;
      panned_ = true;
    }
  }

  if (ImGui::IsItemDeactivated()) {
    if (range_dragging_) {
      range_dragging_ = false;
      const float a = std::min(range_x0_, range_x1_), b = std::max(range_x0_, range_x1_);
      if (b - a > 4) axis_.set_range(axis_.t_of(a), axis_.t_of(b));
    } else if (scrubbing_) {
      scrubbing_ = false;
    } else if (!panned_ && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
      focus_pinned_ = part->pinned;
      if (part->pinned || !AnswerQuiz(*part->trace, playhead, selection)) Click(*part->trace, playhead, selection);
    }
    panned_ = false;
  }
}

// A click: fold or open a group, select a lane, or select what is under the mouse and move the
// playhead there.
void TimelineView::Click(const Trace& trace, Playhead& playhead, Selection& selection) {
  const auto& events = trace.events();
  if (hover_.group != timeline::LaneGroup::None) {
    bool& open = hover_.group == timeline::LaneGroup::Library ? options.show_library : options.show_generators;
    open = !open;
  } else if (hover_.header && hover_.lane != kNoLane) {
    selection.lane = selection.lane == hover_.lane ? kNoLane : hover_.lane;
  } else if (hover_.event != kNoEvent) {
    playhead.seek(events, hover_.event);
    selection.event = playhead.position();
    selection.lane = hover_.lane;
  } else if (hover_.in_plot && !hover_.ruler) {
    playhead.scrub(events, hover_.t);
    selection.event = playhead.position();
    if (hover_.lane != kNoLane) selection.lane = hover_.lane;
  }
}

void TimelineView::KeepVisible(const Trace& trace, EventIndex event) {
  if (event == kNoEvent || event >= trace.events().size()) return;
  const double t = static_cast<double>(trace.events()[event].t);
  const double margin = axis_.span() * 0.05;
  if (t < axis_.start() + margin || t > axis_.end() - margin) {
    axis_.set_range(t - axis_.span() * 0.5, t + axis_.span() * 0.5);
  }
}

}  // namespace loopscope
