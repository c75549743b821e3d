// The timeline's toolbar (transport, pace, step filter, follow live, fit), its keyboard
// shortcuts and the `?` overlay that lists them.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/timeline/timeline_describe.h"
#include "ui/timeline_view.h"

namespace loopscope {

namespace {

struct Shortcut {
  const char* keys;
  const char* what;
};

constexpr Shortcut kShortcuts[] = {
    {"Space", "play / pause"},
    {"Left / Right", "previous / next event (step filter applies)"},
    {"Shift + Left / Right", "previous / next event of the selected lane"},
    {"Home / End", "first / last event"},
    {"F  or double-click", "fit the whole run"},
    {"+ / -", "zoom in / out"},
    {"A / D", "pan left / right"},
    {"Mouse wheel", "zoom around the mouse (over names: scroll lanes)"},
    {"Drag", "pan"},
    {"Shift + drag, right-drag", "zoom to a range"},
    {"Click", "select an event and move the playhead there"},
    {"Drag on the ruler", "scrub the playhead"},
    {"N", "next \"which task runs next?\" question (when the quiz is on)"},
    {"?", "show / hide this list"},
};

bool typed(char c) {
  const ImGuiIO& io = ImGui::GetIO();
  for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
    if (io.InputQueueCharacters[i] == static_cast<ImWchar>(c)) return true;
  }
  return false;
}

// SameLine, unless the next `width` px would not fit: then a new line (narrow panels wrap
// the toolbar instead of clipping it).
void same_line_if_fits(float width) {
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

bool pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); }

}  // namespace

void TimelineView::HandleKeys(const Trace& trace, Playhead& playhead, Selection& selection) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
  const auto& events = trace.events();
  const EventIndex before = playhead.position();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) playhead.toggle_play(events);
  const int dir = pressed(ImGuiKey_RightArrow) ? 1 : pressed(ImGuiKey_LeftArrow) ? -1 : 0;
  if (dir != 0) {
    LaneId lane = selection.lane;
    if (lane == kNoLane && before != kNoEvent && before < events.size()) lane = events[before].lane;
    if (io.KeyShift && lane != kNoLane) {
      playhead.jump_in_lane(events, lane, dir);
    } else {
      playhead.step(events, dir);
    }
  }
  if (pressed(ImGuiKey_Home)) playhead.first(events);
  if (pressed(ImGuiKey_End)) playhead.last(events);
  if (typed('f') || typed('F')) fit_requested_ = true;
  if (typed('?')) show_shortcuts = !show_shortcuts;
  if (typed('n') || typed('N')) NextQuestion(trace, playhead, selection);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) show_shortcuts = false;
  const float centre = axis_.x0() + axis_.width() * 0.5f;
  if (typed('+') || typed('=')) axis_.zoom(centre, 1.5);
  if (typed('-') || typed('_')) axis_.zoom(centre, 1 / 1.5);
  if (typed('a') || typed('A')) axis_.pan_px(axis_.width() * 0.2f);
  if (typed('d') || typed('D')) axis_.pan_px(-axis_.width() * 0.2f);
  if (playhead.position() != before) {
    selection.event = playhead.position();
    KeepVisible(trace, playhead.position());
  }
}

void TimelineView::DrawTransport(const Trace& trace, Playhead& playhead) {
  const auto& events = trace.events();
  ImGui::BeginDisabled(trace.empty());
  if (ImGui::Button("|<")) playhead.first(events);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("First event (Home)");
  ImGui::SameLine();
  if (ImGui::Button(" < ")) playhead.step(events, -1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous event (Left)");
  ImGui::SameLine();
  if (ImGui::Button(playhead.playing() ? "Pause" : "Play", ImVec2(ImGui::GetFontSize() * 3.6f, 0))) {
    playhead.toggle_play(events);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play / pause (Space)");
  ImGui::SameLine();
  if (ImGui::Button(" > ")) playhead.step(events, 1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next event (Right)");
  ImGui::SameLine();
  if (ImGui::Button(">|")) playhead.last(events);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Last event (End)");
  ImGui::EndDisabled();
}

// Pace, step filter, follow-live and the library tasks switch: on the toolbar, or in the
// presenter layout's Options popup.
void TimelineView::DrawViewOptions(const Trace& trace, Playhead& playhead, bool live) {
  const auto& events = trace.events();
  // Pace: events per second, or the run's own clock scaled.
  Pace pace = playhead.pace();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
  const char* modes[] = {"events/s", "real time"};
  int mode = static_cast<int>(pace.mode);
  if (ImGui::Combo("##pace_mode", &mode, modes, 2)) pace.mode = static_cast<PaceMode>(mode);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
  if (pace.mode == PaceMode::EventsPerSecond) {
    float eps = static_cast<float>(pace.events_per_second);
    if (ImGui::SliderFloat("##eps", &eps, 0.5f, 200.0f, "%.1f ev/s", ImGuiSliderFlags_Logarithmic)) {
      pace.events_per_second = eps;
    }
  } else {
    float speed = static_cast<float>(pace.speed);
    if (ImGui::SliderFloat("##speed", &speed, 0.1f, 4.0f, "%.1fx", ImGuiSliderFlags_Logarithmic)) pace.speed = speed;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Playback pace");
  playhead.set_pace(pace);

  same_line_if_fits(ImGui::GetFontSize() * 8.0f);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
  int filter = static_cast<int>(playhead.filter());
  const char* filters[] = {step_filter_name(StepFilter::All), step_filter_name(StepFilter::TaskSwitches),
                           step_filter_name(StepFilter::MyCode)};
  if (ImGui::Combo("##filter", &filter, filters, 3)) playhead.set_filter(static_cast<StepFilter>(filter));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Which events stepping and playback stop at");

  same_line_if_fits(ImGui::GetFontSize() * 5.0f);
  bool follow = playhead.follow_live();
  if (ImGui::Checkbox("Follow", &follow)) {
    playhead.set_follow_live(follow);
    if (follow) playhead.last(events);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip(live ? "Stay on the newest event while the program runs" : "Stay on the newest event during a live run");

  // My code / everything: tasks that only ran library code, folded or shown.
  if (scene_.group_size(timeline::LaneGroup::Library) > 0) {
    same_line_if_fits(ImGui::GetFontSize() * 7.5f);
    ImGui::Checkbox("Library tasks", &options.show_library);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Show the %zu tasks that only ran library code (a server's internals), or fold them into one row",
                        scene_.group_size(timeline::LaneGroup::Library));
  }
}

void TimelineView::DrawToolbar(const Trace& trace, Playhead& playhead, Selection& selection, bool live) {
  const auto& events = trace.events();
  const EventIndex before = playhead.position();
  DrawTransport(trace, playhead);
  if (presenter) {
    // Presenting: the transport and Fit only; the rest behind one button.
    ImGui::SameLine();
    if (ImGui::Button("Fit")) fit_requested_ = true;
    ImGui::SameLine();
    if (ImGui::Button("Options")) ImGui::OpenPopup("##timeline_options");
    if (ImGui::BeginPopup("##timeline_options")) {
      DrawViewOptions(trace, playhead, live);
      ImGui::EndPopup();
    }
  } else {
    same_line_if_fits(ImGui::GetFontSize() * 12.5f + ImGui::GetStyle().ItemSpacing.x);
    DrawViewOptions(trace, playhead, live);
    same_line_if_fits(ImGui::GetFontSize() * 2.5f);
    if (ImGui::Button("Fit")) fit_requested_ = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the whole run (F, or double-click)");

    // Right side: where the playhead is, and the shortcuts button.
    char where[128] = "";
    const EventIndex pos = playhead.position();
    if (pos != kNoEvent && pos < events.size()) {
      std::snprintf(where, sizeof where, "step %u / %zu   %s", pos, events.size() - 1, format_time(events[pos].t).c_str());
    }
    const float help_w = ImGui::CalcTextSize("?").x + ImGui::GetStyle().FramePadding.x * 2;
    const float where_w = ImGui::CalcTextSize(where).x;
    const float right = ImGui::GetWindowContentRegionMax().x;
    same_line_if_fits(help_w);
    const float x = right - help_w - where_w - ImGui::GetStyle().ItemSpacing.x;
    if (x > ImGui::GetCursorPosX()) {
      ImGui::SetCursorPosX(x);
      ImGui::AlignTextToFramePadding();
      ImGui::TextDisabled("%s", where);
      ImGui::SameLine();
    }
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right - help_w));
    if (ImGui::Button("?")) show_shortcuts = !show_shortcuts;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Keyboard and mouse shortcuts (?)");
  }

  if (playhead.position() != before) {
    selection.event = playhead.position();
    KeepVisible(trace, playhead.position());
  }
}

void TimelineView::DrawShortcutsOverlay() {
  const ImVec2 centre(canvas_.x + canvas_.w * 0.5f, canvas_.y + canvas_.h * 0.5f);
  ImGui::SetNextWindowPos(centre, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(0.96f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoNav;
  if (ImGui::Begin("##timeline_shortcuts", nullptr, flags)) {
    ImGui::TextUnformatted("Timeline shortcuts");
    ImGui::Separator();
    if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_SizingFixedFit)) {
      for (const Shortcut& s : kShortcuts) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(s.keys);
        ImGui::TableSetColumnIndex(1);
        ImGui::TextDisabled("%s", s.what);
      }
      ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::TextDisabled("Press ? or Esc to close");
  }
  ImGui::End();
}

}  // namespace loopscope
