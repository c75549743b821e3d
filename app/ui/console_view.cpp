#include "ui/console_view.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "platform/fonts.h"
#include "platform/theme.h"

namespace loopscope::ui {

void ConsoleView::Scan(const Trace& trace) {
  const auto& events = trace.events();
  if (events.size() < scanned_) Reset();  // a new, shorter trace
  events.visit_kinds(scanned_, events.size(), {EventKind::Print},
                     [&](std::size_t i) { prints_.push_back(static_cast<EventIndex>(i)); });
  scanned_ = events.size();
}

void ConsoleView::Draw(const Trace& trace, Playhead& playhead, Selection& selection, const LaneColors& colors, bool live) {
  Scan(trace);
  const auto& pal = platform::palette();
  if (prints_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.text_dim));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(trace.empty() ? "The program's output appears here, line by line, in the colour of the task that printed it."
                                         : "The program printed nothing.");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    return;
  }
  const EventIndex pos = playhead.position();
  const auto& events = trace.events();
  // The tag column is as wide as the longest lane name that printed (cached per frame is fine).
  ImGui::PushFont(platform::fonts().mono);
  float tag_w = 0.0f;
  names_.refresh(trace);
  for (LaneId lane = 0; lane < static_cast<LaneId>(trace.lanes().size()); ++lane)
    tag_w = std::max(tag_w, ImGui::CalcTextSize(names_.title(lane).c_str()).x);
  tag_w = std::min(tag_w, ImGui::GetContentRegionAvail().x * 0.3f) + 12.0f;
  ImGui::BeginChild("##console_lines", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  const float line_h = ImGui::GetTextLineHeightWithSpacing();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(prints_.size()), line_h);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const EventIndex idx = prints_[static_cast<std::size_t>(row)];
      const Event& e = events[idx];
      const bool future = pos != kNoEvent && idx > pos;
      const bool current = selection.event == idx || (pos != kNoEvent && idx <= pos &&
                            (static_cast<std::size_t>(row) + 1 == prints_.size() || prints_[static_cast<std::size_t>(row) + 1] > pos));
      ImGui::PushID(row);
      const ImVec2 p0 = ImGui::GetCursorScreenPos();
      if (ImGui::Selectable("##line", current, ImGuiSelectableFlags_SpanAllColumns, ImVec2(0, line_h - ImGui::GetStyle().ItemSpacing.y))) {
        playhead.seek(events, idx);
        selection.event = idx;
        selection.lane = e.lane;
      }
      if (ImGui::IsItemHovered()) selection.hovered_event = idx;
      ImU32 lane_color = colors.of(e.lane);
      ImU32 text_color = e.sub == static_cast<std::uint8_t>(Stream::Stderr) ? pal.error : pal.text;
      if (future) {
        lane_color = loopscope::with_alpha(lane_color, 0.33f);
        text_color = pal.text_faint;
      }
      const std::string& tag = names_.title(e.lane >= 0 ? e.lane : 0);
      draw->AddRectFilled(ImVec2(p0.x, p0.y + 2), ImVec2(p0.x + 3, p0.y + line_h - 4), lane_color);
      draw->AddText(ImVec2(p0.x + 8, p0.y), lane_color, tag.c_str());
      std::string_view text = trace.str(e.text);
      std::string renamed;
      if (!files_.run_path.empty() && text.find(files_.run_path) != std::string_view::npos) {
        renamed = rename_program_path(text, files_);
        text = renamed;
      }
      draw->AddText(ImVec2(p0.x + 8 + tag_w, p0.y), text_color, text.data(), text.data() + text.size());
      ImGui::PopID();
    }
  }
  // Keep the newest line in view while a run streams and the playhead follows it; else keep
  // the line of the playhead's step in view as it moves (play, steps, scrubbing).
  if (live && playhead.follow_live()) {
    ImGui::SetScrollHereY(1.0f);
  } else if (pos != scrolled_for_) {
    scrolled_for_ = pos;
    const auto row = std::upper_bound(prints_.begin(), prints_.end(), pos) - prints_.begin() - 1;
    if (pos != kNoEvent && row >= 0) {
      const float y = static_cast<float>(row) * line_h;
      const float top = ImGui::GetScrollY(), height = ImGui::GetWindowHeight();
      if (y < top || y + line_h > top + height) ImGui::SetScrollY(std::max(0.0f, y - height * 0.4f));
    }
  }
  ImGui::EndChild();
  ImGui::PopFont();
}

}  // namespace loopscope::ui
