// The timeline panel's canvas: layout and painting by the headless TimelineScene, mouse
// gestures here. The toolbar and keys are in timeline_toolbar.cpp.
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
  HandleKeys(trace, playhead, selection);
  DrawToolbar(trace, playhead, selection, live);
  if (presenter) DrawCaption(trace, playhead);
  // Playback moves the playhead between frames: keep it in view (follow-live fits instead).
  if (playhead.playing() && playhead.position() != last_position_) KeepVisible(trace, playhead.position());
  DrawCanvas(trace, playhead, selection, live);
  last_position_ = playhead.position();
  if (show_shortcuts) DrawShortcutsOverlay();
}

// Fit on a new trace or on request; grow with a live run while following it.
void TimelineView::FollowTheRun(const Trace& trace, const Playhead& playhead, bool live) {
  const Nanos run_end = std::max<Nanos>(trace.end_time(), 1000);
  axis_.set_run_end(run_end);
  if (trace.events().size() < last_event_count_) fit_requested_ = true;  // a new run replaced it
  if (fit_requested_ && !trace.empty()) {
    fit_to_run(axis_, trace);
    fit_requested_ = false;
  } else if (live && playhead.follow_live() && static_cast<double>(run_end) > axis_.end()) {
    axis_.fit(static_cast<double>(trace.activity_start()), static_cast<double>(run_end) * 1.1);
  }
  last_event_count_ = trace.events().size();
}

void TimelineView::DrawCanvas(const Trace& trace, Playhead& playhead, Selection& selection, bool live) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  canvas_ = {origin.x, origin.y, std::max(avail.x, 240.0f), std::max(avail.y, 120.0f)};
  const ui::ImGuiCanvas::Fonts fonts = ui::timeline_fonts();
  const timeline::TimelineStyle style = Style(canvas_.h);

  FollowTheRun(trace, playhead, live);
  scene_.sync(trace, platform::theme());
  scene_.layout(trace, axis_, style, options, canvas_, scroll_y_);
  scroll_y_ = std::clamp(scroll_y_, 0.0f, scene_.max_scroll());

  ImGui::InvisibleButton("##timeline_canvas", ImVec2(canvas_.w, canvas_.h),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                             ImGuiButtonFlags_MouseButtonMiddle);
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  HandleMouse(trace, playhead, selection, hovered, active);
  // The mouse may have zoomed, panned or scrolled: lay out again for what is painted.
  scroll_y_ = std::clamp(scroll_y_, 0.0f, scene_.max_scroll());
  scene_.layout(trace, axis_, style, options, canvas_, scroll_y_);

  ui::ImGuiCanvas canvas(ImGui::GetWindowDrawList(), fonts);
  timeline::PaintState state;
  state.playhead = playhead.position();
  state.selected_lane = selection.lane;
  state.range_drag = range_dragging_;
  state.range_x0 = range_x0_;
  state.range_x1 = range_x1_;
  state.empty_hint = "Run the program: its tasks, suspensions and threads appear here.";
  scene_.paint(canvas, trace, platform::theme(), axis_, state);

  selection.hovered_lane = hover_.lane;
  selection.hovered_event = hover_.event;
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
                                        : "Step " + std::to_string(pos) + "  \xC2\xB7  " + step_sentence(trace, pos);
  ImGui::PushFont(platform::fonts().bold);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(caption.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
}

void TimelineView::HandleMouse(const Trace& trace, Playhead& playhead, Selection& selection, bool hovered,
                               bool active) {
  ImGuiIO& io = ImGui::GetIO();
  const float mx = io.MousePos.x, my = io.MousePos.y;
  hover_ = hovered || active ? scene_.hit(trace, axis_, mx, my) : timeline::Hit{};
  const auto& events = trace.events();

  if (hovered && io.MouseWheel != 0) {
    if (hover_.header || io.KeyShift) {
      scroll_y_ -= io.MouseWheel * ImGui::GetFontSize() * 3;  // over the names: scroll the rows
    } else {
      axis_.zoom(mx, std::pow(1.25, static_cast<double>(io.MouseWheel)));
    }
  }
  if (hovered && io.MouseWheelH != 0) axis_.pan_px(io.MouseWheelH * ImGui::GetFontSize() * 4);

  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && hover_.in_plot && my >= scene_.rows_top()) {
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
      Click(trace, playhead, selection);
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
  } else if (hover_.in_plot && !hover_.ruler && hover_.lane != kNoLane) {
    playhead.scrub(events, hover_.t);
    selection.event = playhead.position();
    selection.lane = hover_.lane;
  } else if (hover_.in_plot && !hover_.ruler) {
    playhead.scrub(events, hover_.t);
    selection.event = playhead.position();
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
