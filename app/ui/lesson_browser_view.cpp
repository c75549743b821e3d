#include "ui/lesson_browser_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>

#include "platform/fonts.h"
#include "platform/theme.h"

namespace loopscope::ui {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

bool lesson_completed(const Lesson& lesson, const std::set<std::string>& passed) {
  if (lesson.exercises.empty()) return false;
  return std::all_of(lesson.exercises.begin(), lesson.exercises.end(),
                     [&](const Exercise& e) { return passed.count(lesson.id + "/" + e.id) != 0; });
}

bool lesson_matches(const Lesson& lesson, const std::string& filter) {
  if (filter.empty()) return true;
  const std::string f = lower(filter);
  for (const std::string* field : {&lesson.title, &lesson.chapter, &lesson.id, &lesson.summary}) {
    if (lower(*field).find(f) != std::string::npos) return true;
  }
  return false;
}

int LessonBrowserView::Draw(const LessonCatalog& catalog, int current, const std::set<std::string>& passed,
                            const EditsStore* edits) {
  int picked = -1;
  const auto& pal = platform::palette();
  ImGui::PushFont(platform::fonts().bold);
  ImGui::TextUnformatted("Lessons");
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##filter", "filter", &filter_);
  ImGui::BeginChild("##lesson_list");
  if (catalog.lessons.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.text_dim));
    ImGui::TextWrapped("%s", catalog.error.empty() ? "No lessons found. Start loopscope with --lessons DIR, or open a script."
                                                   : catalog.error.c_str());
    ImGui::PopStyleColor();
  }
  std::string chapter;
  bool first_chapter = true;
  for (std::size_t i = 0; i < catalog.lessons.size(); ++i) {
    const Lesson& lesson = catalog.lessons[i];
    if (!lesson_matches(lesson, filter_)) continue;
    if (lesson.chapter != chapter || first_chapter) {
      chapter = lesson.chapter;
      first_chapter = false;
      ImGui::PushFont(platform::fonts().small);
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.text_dim));
      ImGui::Spacing();
      ImGui::TextUnformatted(chapter.empty() ? "LESSONS" : chapter.c_str());
      ImGui::PopStyleColor();
      ImGui::PopFont();
    }
    ImGui::PushID(static_cast<int>(i));
    const bool done = lesson_completed(lesson, passed);
    const std::string label = std::to_string(lesson.order) + ". " + lesson.title;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float tick_w = ImGui::GetTextLineHeight();
    if (!lesson.ok()) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.error));
    if (ImGui::Selectable(("##l" + label).c_str(), static_cast<int>(i) == current)) picked = static_cast<int>(i);
    const bool edited = edits && edits->lesson_edited(lesson.id);
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("%s%s", lesson.ok() ? lesson.summary.c_str() : lesson.error.c_str(),
                        edited ? "\n\xE2\x97\x8F You edited this lesson's code (kept until you Reset it)." : "");
    }
    if (edited) {  // a dot at the row's right end, in the colour of the code pane's "edited"
      const char* dot = "\xE2\x97\x8F";  // ●
      const float dot_w = ImGui::CalcTextSize(dot).x;
      ImGui::GetWindowDrawList()->AddText(ImVec2(ImGui::GetItemRectMax().x - dot_w - ImGui::GetStyle().FramePadding.x, p.y), pal.warn, dot);
    }
    ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + tick_w, p.y), lesson.ok() ? pal.text : pal.error, label.c_str());
    if (done) {
      ImGui::GetWindowDrawList()->AddText(ImVec2(p.x, p.y), pal.ok, "\xE2\x9C\x93");  // ✓
    }
    if (!lesson.ok()) ImGui::PopStyleColor();
    ImGui::PopID();
  }
  ImGui::EndChild();
  return picked;
}

}  // namespace loopscope::ui
