#include "ui/code_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "platform/fonts.h"
#include "core/time_format.h"
#include "core/trace_state.h"
#include "platform/theme.h"
#include "ui/syntax_colors.h"

namespace loopscope::ui {
namespace {

constexpr std::size_t kMaxMarkItems = 10;

}  // namespace

void add_line_marks(const Trace& trace, std::size_t from, std::map<int, LineMarks>& marks, const LaneNames* names,
                    std::size_t until) {
  const auto& events = trace.events();
  events.visit_kinds(from, until, {EventKind::Suspend, EventKind::Leave}, [&](std::size_t i) {
    const Event e = events[i];
    if (e.line <= 0) return;
    const bool suspend = e.kind == EventKind::Suspend;
    const bool yield = e.kind == EventKind::Leave && static_cast<GenHow>(e.sub) == GenHow::Yield;
    if (!suspend && !yield) return;
    LineMarks& m = marks[e.line];
    (suspend ? m.suspends : m.yields) += 1;
    if (m.items.size() < kMaxMarkItems) {
      const std::string lane = lane_title_or_name(trace, e.lane, names);
      m.items.push_back(lane + (suspend ? " awaits " : " yields ") + std::string(trace.str(e.text)));
    }
  });
}

std::map<int, LineMarks> line_marks(const Trace& trace) {
  std::map<int, LineMarks> marks;
  add_line_marks(trace, 0, marks);
  return marks;
}

// The buffer follows the program: a newly opened program (or a text changed by the App) is
// loaded into it; the error of a new run is marked on its line once, and then moves with edits.
void CodeView::SyncBuffer(const Program& program) {
  const std::string identity = program.path + "#" + std::to_string(program.exercise) + (program.solution ? "s" : "");
  if (identity != synced_program_ || program.text != synced_text_) {
    buffer_.set_text(program.text);
    synced_text_ = program.text;
    synced_program_ = identity;
    applied_problem_ = {};
  }
}

void CodeView::ScrollToLine(int line) {
  // The run's error line, as the learner's edits above it have moved it since.
  if (line == applied_problem_.line && buffer_.marked_line() >= 0) line = buffer_.marked_line() + 1;
  scroll_to_ = line;
  flash_line_ = line;
  if (editing) {
    buffer_.set_cursor({line - 1, 0});
    buffer_.move_home(false);
    editor_.Focus();
    editor_.RevealCursor();
  }
}

void CodeView::ReplaceText(Program& program, const std::string& text) {
  SyncBuffer(program);
  buffer_.replace_all(text);
  program.text = synced_text_ = buffer_.text();
}

CodeView::Actions CodeView::Draw(Program& program, const Trace& trace, EventIndex playhead, const LaneColors& colors,
                                 bool running, const CodeProblem& problem) {
  Actions actions;
  DrawHeader(program, running, actions);
  if (program.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(platform::palette().text_dim));
    ImGui::TextWrapped("Pick a lesson on the left, or File > Open script… to load any Python file.");
    ImGui::PopStyleColor();
    return actions;
  }
  SyncBuffer(program);
  if (problem != applied_problem_) {
    applied_problem_ = problem;
    buffer_.set_marked_line(problem.line > 0 ? problem.line - 1 : -1);
  }
  // The error's line as it is now (lines added above it moved it).
  CodeProblem shown = problem;
  shown.line = problem.line > 0 && buffer_.marked_line() >= 0 ? buffer_.marked_line() + 1 : 0;
  if (shown.line > 0 && !shown.message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(platform::palette().error));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::Text("Line %d: %s", shown.line, shown.message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  if (editing) {
    if (editor_.Draw(buffer_, shown.line > 0 ? shown.message : std::string())) program.text = synced_text_ = buffer_.text();
  } else {
    DrawReadOnly(program, trace, playhead, colors, shown);
  }
  return actions;
}

void CodeView::DrawHeader(Program& program, bool running, Actions& actions) {
  const auto& pal = platform::palette();
  ImGui::PushFont(platform::fonts().bold);
  ImGui::TextUnformatted(program.title.empty() ? "Code" : program.title.c_str());
  ImGui::PopFont();
  if (program.dirty()) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.warn));
    ImGui::TextUnformatted("\xE2\x97\x8F edited");  // ● edited
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Your version is kept (also after a restart). Reset goes back to the original.");
  }
  if (program.empty()) return;
  const float title_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
  // Buttons on the right of the header row, or on a row of their own when the title needs it.
  const ImGuiStyle& style = ImGui::GetStyle();
  const char* run_label = running ? "\xE2\x96\xA0 Stop" : "\xE2\x96\xB6 Run";  // ■ / ▶
  const char* edit_label = editing ? "View" : "Edit";
  const float w = ImGui::CalcTextSize(run_label).x + ImGui::CalcTextSize(edit_label).x + ImGui::CalcTextSize("Reset").x +
                  style.FramePadding.x * 6 + style.ItemSpacing.x * 2;
  const float buttons_x = ImGui::GetWindowContentRegionMax().x - w;
  if (buttons_x > title_end + style.ItemSpacing.x) ImGui::SameLine(buttons_x);
  if (ImGui::Button(edit_label)) {
    if (editing) editing = false;
    else StartEditing();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip(editing ? "Back to the view with the run's marks (Ctrl+E)" : "Change the program (Ctrl+E)");
  ImGui::SameLine();
  ImGui::BeginDisabled(!program.dirty());
  if (ImGui::Button("Reset")) actions.reset = true;
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Back to the original program (asks first)");
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(running ? pal.error : pal.accent));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(loopscope::with_alpha(running ? pal.error : pal.accent, 0.82f)));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.text_on(running ? pal.error : pal.accent)));
  if (ImGui::Button(run_label)) (running ? actions.stop : actions.run) = true;
  ImGui::PopStyleColor(3);
}

void CodeView::DrawReadOnly(const Program& program, const Trace& trace, EventIndex playhead, const LaneColors& colors,
                            const CodeProblem& problem) {
  const auto& pal = platform::palette();
  if (tokens_for_ != program.text || tokens_.empty()) {
    tokens_for_ = program.text;
    tokens_ = tokenize_python(tokens_for_);
  }
  // Marks grow with a live run: only the new events are scanned.
  if (marks_events_ > trace.events().size()) {
    marks_.clear();
    marks_events_ = 0;
  }
  names_.refresh(trace);
  // At most a million events a frame: a large trace fills its marks in over a few frames.
  const std::size_t until = std::min(trace.events().size(), marks_events_ + 1'000'000);
  add_line_marks(trace, marks_events_, marks_, &names_, until);
  marks_events_ = until;
  const auto lines = split_lines(tokens_for_);
  // The step at the playhead: its line gets the arrow, in its lane's colour.
  int current_line = 0;
  ImU32 current_color = pal.accent;
  // The line the step stands on, or (a step with no line, like the loop going idle) the last
  // line that ran before it, so that the pane always follows the playhead.
  const LineAt at = line_at(trace, playhead);
  if (at.line > 0) {
    current_line = at.line;
    current_color = at.exact ? colors.of(at.lane) : loopscope::with_alpha(colors.of(at.lane), 0.55f);
  }
  if (playhead != last_playhead_) {
    last_playhead_ = playhead;
    if (current_line > 0) scroll_to_ = -current_line;  // negative: only if off-screen
  }

  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(pal.code_bg));
  ImGui::BeginChild("##code", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  ImFont* mono = platform::fonts().mono;
  ImFont* small = platform::fonts().small;
  ImGui::PushFont(mono);
  const float line_h = mono->FontSize * 1.45f;
  const float char_w = mono->CalcTextSizeA(mono->FontSize, 1e9f, 0.0f, "0").x;
  // The marks column is as wide as its widest pill ("12×", "400k×"), at least three characters.
  std::int64_t most_marks = 0;
  for (const auto& [line, lm] : marks_) most_marks = std::max<std::int64_t>(most_marks, lm.suspends + lm.yields);
  const std::string widest_label = format_count(most_marks) + "\xC3\x97";
  const float marks_w = std::max(char_w * 3.0f, small->CalcTextSizeA(small->FontSize, 1e9f, 0.0f, widest_label.c_str()).x + char_w * 1.2f);
  const float number_w = char_w * (lines.size() >= 100 ? 4.0f : 3.0f);
  const float arrow_w = char_w * 2.0f;
  const float gutter_w = marks_w + number_w + arrow_w;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  // What shows of the lines: the window less its padding and a horizontal scrollbar over them.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float view_h = ImGui::GetWindowHeight() - style.WindowPadding.y * 2.0f -
                       (ImGui::GetScrollMaxX() > 0.0f ? style.ScrollbarSize : 0.0f);

  // A pane that changed size (the window laid out, a splitter moved, presenter mode) keeps the
  // current line in view as a new step would.
  if (std::fabs(view_h - last_view_h_) > 0.5f && current_line > 0 && scroll_to_ == 0) scroll_to_ = -current_line;
  last_view_h_ = view_h;
  if (scroll_to_ != 0) {
    const int target = std::abs(scroll_to_);
    const float y = static_cast<float>(target - 1) * line_h;
    const float top = ImGui::GetScrollY();
    if (scroll_to_ > 0 || y < top || y + line_h > top + view_h) ImGui::SetScrollY(std::max(0.0f, y - view_h * 0.35f));
    scroll_to_ = 0;
  }

  float max_w = 0.0f;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(lines.size()), line_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const int line_no = i + 1;
      const float y = origin.y + static_cast<float>(i) * line_h;
      const float text_y = y + (line_h - mono->FontSize) * 0.5f;
      const float right = origin.x + ImGui::GetWindowWidth() + ImGui::GetScrollX();
      if (line_no == current_line) draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(right, y + line_h), loopscope::with_alpha(current_color, 0.16f));
      if (line_no == problem.line) draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(right, y + line_h), pal.error_soft);
      if (line_no == flash_line_) draw->AddRect(ImVec2(origin.x + 1, y), ImVec2(right - 1, y + line_h), pal.accent);
      // Gutter: suspension/yield counts, line number, arrow.
      auto m = marks_.find(line_no);
      if (m != marks_.end()) {
        const LineMarks& lm = m->second;
        const int count = lm.suspends + lm.yields;
        const std::string label = format_count(count) + (lm.yields > lm.suspends ? "y" : "\xC3\x97");  // ×
        const float lw = small->CalcTextSizeA(small->FontSize, 1e9f, 0.0f, label.c_str()).x;
        const ImVec2 pill0(origin.x + marks_w - lw - char_w * 0.9f, y + line_h * 0.15f);
        const ImVec2 pill1(origin.x + marks_w - char_w * 0.3f, y + line_h * 0.85f);
        const ImU32 pill = lm.yields > lm.suspends ? pal.lane_gen : pal.accent;
        draw->AddRectFilled(pill0, pill1, loopscope::with_alpha(pill, 0.24f), line_h * 0.3f);
        draw->AddText(small, small->FontSize, ImVec2(pill0.x + char_w * 0.3f, y + (line_h - small->FontSize) * 0.5f), pill,
                      label.c_str());
        if (ImGui::IsMouseHoveringRect(pill0, pill1) && ImGui::IsWindowHovered()) {
          ImGui::BeginTooltip();
          if (lm.suspends) ImGui::Text("%d suspension%s here", lm.suspends, lm.suspends == 1 ? "" : "s");
          if (lm.yields) ImGui::Text("%d yield%s here", lm.yields, lm.yields == 1 ? "" : "s");
          ImGui::Separator();
          for (const std::string& item : lm.items) ImGui::TextUnformatted(item.c_str());
          if (static_cast<int>(lm.items.size()) < count) ImGui::TextDisabled("… and %d more", count - static_cast<int>(lm.items.size()));
          ImGui::EndTooltip();
        }
      }
      const std::string number = std::to_string(line_no);
      const float nw = mono->CalcTextSizeA(mono->FontSize, 1e9f, 0.0f, number.c_str()).x;
      draw->AddText(mono, mono->FontSize, ImVec2(origin.x + marks_w + number_w - nw, text_y),
                    line_no == current_line ? pal.text : pal.text_faint, number.c_str());
      if (line_no == current_line) {
        // A solid arrow pointing at the code.
        const float ax = origin.x + marks_w + number_w + char_w * 0.4f;
        const float cy = y + line_h * 0.5f;
        const float s = line_h * 0.28f;
        draw->AddTriangleFilled(ImVec2(ax, cy - s), ImVec2(ax + s * 1.4f, cy), ImVec2(ax, cy + s), current_color);
      }
      const float x = draw_code_line(draw, mono, ImVec2(origin.x + gutter_w, text_y), lines[static_cast<std::size_t>(i)],
                                     tokens_[static_cast<std::size_t>(i)]);
      if (line_no == problem.line) {
        draw->AddLine(ImVec2(origin.x + gutter_w, y + line_h - 2), ImVec2(x, y + line_h - 2), pal.error, 2.0f);
      }
      max_w = std::max(max_w, x - origin.x);
    }
  }
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(max_w + char_w * 2, static_cast<float>(lines.size()) * line_h + line_h));
  ImGui::PopFont();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace loopscope::ui
