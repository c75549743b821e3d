// The App's frame: menu bar, the panel layout with draggable splitters, and the status bar.
//
//  +-----------+-----------+------------------------------+
//  | lessons   | code      | timeline                     |
//  |-----------|           |                              |
//  | lesson    |           |------------------------------|
//  | text,     |           | console/problems | inspector |
//  | knobs ... |           |                  |           |
//  +-----------+-----------+------------------------------+
//  | status bar                                           |
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "platform/fonts.h"
#include "platform/theme.h"
#include "ui/app.h"
#include "ui/splitter.h"
#include "workspace/monotonic_clock.h"

namespace loopscope::ui {
namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_AlwaysUseWindowPadding;

// A panel: a child window at an explicit position in the root window.
bool begin_panel(const char* id, ImVec2 pos, ImVec2 size, ImGuiWindowFlags flags = kPanelFlags) {
  ImGui::SetCursorPos(pos);
  return ImGui::BeginChild(id, ImVec2(std::max(1.0f, size.x), std::max(1.0f, size.y)), false, flags);
}

void panel_caption(const char* text) {
  ImGui::PushFont(platform::fonts().small);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(platform::palette().text_dim));
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

bool splitter_at(const char* id, ImVec2 pos, bool vertical, float thickness, float length, float* size, float min_size,
                 float max_size) {
  ImGui::SetCursorPos(pos);
  return Splitter(id, vertical, thickness, length, size, min_size, max_size);
}

}  // namespace

void App::Draw() {
  HandleShortcuts();
  DrawMenuBar();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##root", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
  DrawLayout();
  ImGui::End();
  DrawLoadProgress();
  DrawPopups();
}

void App::DrawLayout() {
  const ImVec2 size = ImGui::GetWindowSize();
  const float s = applied_scale_ > 0 ? applied_scale_ : 1.0f;
  const float status_h = ImGui::GetFrameHeight() + 6.0f * s;
  DrawPanels(size.x, size.y - status_h);
  DrawStatusBar(size.x, status_h);
}

// The status bar along the bottom: the run's state, its size, the step, a message, the theme.
void App::DrawStatusBar(float width, float height) {
  const float s = applied_scale_ > 0 ? applied_scale_ : 1.0f;
  ImGui::SetCursorPos(ImVec2(0, ImGui::GetWindowSize().y - height));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10.0f * s, 3.0f * s));
  ImGui::BeginChild("##status", ImVec2(width, height), false, kPanelFlags | ImGuiWindowFlags_NoScrollbar);
  const Trace& t = trace();
  StatusInfo info;
  if (workspace_.loading()) {
    info.state = "Loading…", info.tone = 1;
  } else if (workspace_.running()) {
    info.state = "Running", info.tone = 1;
  } else if (!workspace_.has_run()) {
    info.state = workspace_.program().empty() ? "No program" : "Ready: press F5 to run";
  } else {
    switch (t.info().status) {
      case EndStatus::Finished: info.state = "Finished", info.tone = 2; break;
      case EndStatus::Stopped: info.state = "Stopped"; break;
      case EndStatus::Timeout: info.state = "Stopped (time limit)", info.tone = 3; break;
      case EndStatus::Failed: info.state = "Failed (exit " + std::to_string(t.info().exit_code) + ")", info.tone = 3; break;
      case EndStatus::Crashed: info.state = "Crashed", info.tone = 3; break;
      case EndStatus::TracerError: info.state = "Could not run", info.tone = 3; break;
      case EndStatus::Running: info.state = "Ended", info.tone = 0; break;
    }
  }
  info.elapsed_s = workspace_.run_elapsed_s();
  info.events = t.events().size();
  info.lanes = t.lanes().size();
  if (playhead_.position() != kNoEvent) {
    info.position = "step " + std::to_string(playhead_.position()) + " / " + std::to_string(t.events().size() - 1);
  }
  if (monotonic_seconds() < toast_until_) info.message = toast_;
  if (const std::uint64_t dropped = workspace_.records_dropped(); dropped > 0) {
    // The runtime stopped recording at its budget (--max-events): say so where it cannot be missed.
    info.warning = "trace cut short: " + std::to_string(dropped) + " later records not recorded (see Problems)";
  }
  char right[64];
  std::snprintf(right, sizeof right, "%s theme  \xC2\xB7  %d%%", platform::theme().label.c_str(), static_cast<int>(s * 100 + 0.5f));
  info.right = right;
  status_view_.Draw(info);
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

// The timeline panel at `pos`, `size` (its rectangle is remembered for exports).
void App::DrawTimelinePanel(ImVec2 pos, ImVec2 size) {
  const ImVec2 origin = ImGui::GetWindowPos();
  timeline_rect_[0] = origin.x + pos.x;
  timeline_rect_[1] = origin.y + pos.y;
  timeline_rect_[2] = size.x;
  timeline_rect_[3] = size.y;
  if (begin_panel("##timeline", pos, size, kPanelFlags | ImGuiWindowFlags_NoScrollbar)) {
    timeline_.Draw(trace(), playhead_, selection_, workspace_.running());
  }
  ImGui::EndChild();
}

// Presenting: the code beside the timeline, nothing else (the View menu and F11 bring the rest
// back). The code pane is narrower than usual: the timeline carries the story.
void App::DrawPresenterPanels(float width, float height) {
  const float s = applied_scale_ > 0 ? applied_scale_ : 1.0f;
  const float gap = 6.0f * s;
  platform::PanelLayout& L = settings_.layout;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_ChildBg));
  float code_w = L.show_code ? std::clamp(L.presenter_code_width > 0 ? L.presenter_code_width : width * 0.36f, 200.0f * s,
                                          width * 0.6f)
                             : 0.0f;
  if (!L.show_timeline) code_w = width;
  float x = 0.0f;
  if (L.show_code) {
    if (begin_panel("##codepane", ImVec2(0, 0), ImVec2(code_w, height))) DrawCodePane();
    ImGui::EndChild();
    x = code_w;
    if (L.show_timeline) {
      if (splitter_at("##split_presenter", ImVec2(x, 0), true, gap, height, &code_w, 200.0f * s, width * 0.6f)) {
        L.presenter_code_width = code_w;
        SaveSettingsSoon();
      }
      x += gap;
    }
  }
  if (L.show_timeline) DrawTimelinePanel(ImVec2(x, 0), ImVec2(width - x, height));
  ImGui::PopStyleColor();
}

void App::DrawCodePane() {
  CodeProblem problem;
  if (const Problem* error = first_error_on_a_line(workspace_.problems())) problem = {error->line, error->title};
  const CodeView::Actions a =
      code_view_.Draw(workspace_.program(), trace(), playhead_.position(), lane_colors_, workspace_.running(), problem);
  if (a.run) StartRun();
  if (a.stop) StopRun();
  if (a.reset) ResetProgram();
}

void App::DrawPanels(float width, float height) {
  if (settings_.layout.presenter) {
    DrawPresenterPanels(width, height);
    return;
  }
  const float s = applied_scale_ > 0 ? applied_scale_ : 1.0f;
  const float gap = 6.0f * s;
  platform::PanelLayout& L = settings_.layout;
  const bool show_left = L.show_browser || L.show_lesson;
  const float min_right = 360.0f * s;

  // Column widths: as dragged, else a share of the window that leaves the timeline the most.
  float left_w = show_left ? std::clamp(L.left_width > 0 ? L.left_width : width * 0.19f, 200.0f * s, width * 0.4f) : 0.0f;
  float code_w = L.show_code ? std::clamp(L.code_width > 0 ? L.code_width : width * 0.3f, 240.0f * s, width * 0.45f) : 0.0f;
  const float over = left_w + code_w + 2 * gap + min_right - width;
  if (over > 0) {  // a narrow window: give the timeline its minimum, shrink code then lessons
    const float take_code = std::min(over, std::max(0.0f, code_w - 220.0f * s));
    code_w -= take_code;
    left_w = std::max(180.0f * s, left_w - (over - take_code));
  }
  float x = 0.0f;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_ChildBg));

  // Left column: lesson browser above the lesson panel.
  if (show_left) {
    float browser_h =
        L.show_lesson ? std::clamp(L.browser_height > 0 ? L.browser_height : height * 0.3f, 100.0f * s, height * 0.6f) : height;
    if (!L.show_browser) browser_h = 0.0f;
    if (L.show_browser) {
      if (begin_panel("##browser", ImVec2(x, 0), ImVec2(left_w, browser_h))) {
        const int picked = browser_view_.Draw(workspace_.catalog(), workspace_.lesson_index(), settings_.passed, &workspace_.edits());
        if (picked >= 0) OpenLesson(picked);
      }
      ImGui::EndChild();
    }
    if (L.show_lesson) {
      float y = 0.0f;
      if (L.show_browser) {
        if (splitter_at("##split_browser", ImVec2(x, browser_h), false, gap, left_w, &browser_h, 100.0f * s, height * 0.6f)) {
          L.browser_height = browser_h;
          SaveSettingsSoon();
        }
        y = browser_h + gap;
      }
      if (begin_panel("##lesson", ImVec2(x, y), ImVec2(left_w, height - y))) lesson_view_.Draw(*this);
      ImGui::EndChild();
    }
    x += left_w;
    if (splitter_at("##split_left", ImVec2(x, 0), true, gap, height, &left_w, 220.0f * s, width * 0.4f)) {
      L.left_width = left_w;
      SaveSettingsSoon();
    }
    x += gap;
  }

  // Code column.
  if (L.show_code) {
    if (begin_panel("##codepane", ImVec2(x, 0), ImVec2(code_w, height))) DrawCodePane();
    ImGui::EndChild();
    x += code_w;
    if (splitter_at("##split_code", ImVec2(x, 0), true, gap, height, &code_w, 260.0f * s, width * 0.45f)) {
      L.code_width = code_w;
      SaveSettingsSoon();
    }
    x += gap;
  }

  // Right: the timeline above the console/problems and the inspector.
  const float right_w = width - x;
  const bool show_bottom = L.show_console || L.show_inspector;
  float bottom_h =
      show_bottom ? std::clamp(L.bottom_height > 0 ? L.bottom_height : height * 0.36f, 120.0f * s, height * 0.7f) : 0.0f;
  const float timeline_h = !L.show_timeline ? 0.0f : show_bottom ? height - bottom_h - gap : height;
  if (L.show_timeline) DrawTimelinePanel(ImVec2(x, 0), ImVec2(right_w, timeline_h));
  if (!show_bottom) {
    ImGui::PopStyleColor();
    return;
  }
  float y = 0.0f;
  if (L.show_timeline) {
    // The bar moves the timeline's lower edge; the bottom row takes the rest.
    float timeline_size = timeline_h;
    if (splitter_at("##split_bottom", ImVec2(x, timeline_h), false, gap, right_w, &timeline_size, height * 0.3f - gap,
                    height - 120.0f * s - gap)) {
      bottom_h = height - timeline_size - gap;
      L.bottom_height = bottom_h;
      SaveSettingsSoon();
    }
    y = timeline_h + gap;
  }
  const float row_h = height - y;
  float inspector_w =
      L.show_console ? std::clamp(L.inspector_width > 0 ? L.inspector_width : right_w * 0.56f, 240.0f * s, right_w * 0.75f) : right_w;
  if (!L.show_inspector) inspector_w = 0.0f;
  const float console_w = L.show_inspector ? right_w - inspector_w - gap : right_w;
  if (L.show_console) {
    if (begin_panel("##console", ImVec2(x, y), ImVec2(console_w, row_h))) {
      if (ImGui::BeginTabBar("##bottom_tabs")) {
        const std::vector<Problem>& problems = workspace_.problems();
        const std::string problems_label = problems.empty() ? std::string("Problems###problems")
                                                            : "Problems (" + std::to_string(problems.size()) + ")###problems";
        if (ImGui::BeginTabItem("Console", nullptr, bottom_tab_ == 0 && force_tab_ ? ImGuiTabItemFlags_SetSelected : 0)) {
          if (!force_tab_) bottom_tab_ = 0;
          console_view_.Draw(trace(), playhead_, selection_, lane_colors_, workspace_.running());
          ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(problems_label.c_str(), nullptr, bottom_tab_ == 1 && force_tab_ ? ImGuiTabItemFlags_SetSelected : 0)) {
          if (!force_tab_) bottom_tab_ = 1;
          const ErrorView::Click click = error_view_.Draw(problems);
          if (click.line > 0) code_view_.ScrollToLine(click.line);
          if (click.event != kNoEvent) {
            playhead_.seek(trace().events(), click.event);
            selection_.event = click.event;
          }
          ImGui::EndTabItem();
        }
        force_tab_ = false;
        ImGui::EndTabBar();
      }
    }
    ImGui::EndChild();
  }
  if (L.show_inspector) {
    const float ix = x + (L.show_console ? console_w + gap : 0.0f);
    if (L.show_console) {
      // The splitter sits left of the inspector: dragging right makes the inspector narrower.
      float console_size = console_w;
      if (splitter_at("##split_inspector", ImVec2(x + console_w, y), true, gap, row_h, &console_size, 200.0f * s,
                      right_w - 260.0f * s - gap)) {
        L.inspector_width = right_w - console_size - gap;
        SaveSettingsSoon();
      }
    }
    if (begin_panel("##inspector", ImVec2(ix, y), ImVec2(inspector_w, row_h))) {
      panel_caption("INSPECTOR: THE PROGRAM AT THE PLAYHEAD");
      // The run last clicked on the timeline: the pinned one when comparing, else this one.
      int line = 0;
      const Trace* pinned = workspace_.PinnedTrace();
      if (timeline_.PinnedFocused() && pinned) {
        pinned_colors_.refresh(*pinned, platform::theme());
        line = inspector_pinned_view_.Draw(*pinned, timeline_.PinnedPlayhead(), pinned_selection_, pinned_colors_);
      } else {
        line = inspector_view_.Draw(trace(), playhead_, selection_, lane_colors_);
      }
      if (line > 0) {
        code_view_.editing = false;
        code_view_.ScrollToLine(line);
      }
    }
    ImGui::EndChild();
  }
  ImGui::PopStyleColor();
}

}  // namespace loopscope::ui
