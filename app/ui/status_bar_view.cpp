#include "ui/status_bar_view.h"

#include <imgui.h>

#include "platform/fonts.h"
#include "platform/theme.h"

namespace loopscope::ui {

void StatusBarView::Draw(const StatusInfo& info) {
  const auto& pal = platform::palette();
  const ImU32 tones[4] = {pal.text_dim, pal.accent, pal.ok, pal.error};
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  const float r = h * 0.28f;
  draw->AddCircleFilled(ImVec2(pos.x + r, pos.y + h * 0.5f), r, tones[info.tone & 3]);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + 2 * r + 6, pos.y));
  ImGui::PushFont(platform::fonts().bold);
  ImGui::TextUnformatted(info.state.c_str());
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.text_dim));
  ImGui::SameLine(0, 16);
  ImGui::Text("%.2f s", info.elapsed_s);
  ImGui::SameLine(0, 16);
  ImGui::Text("%zu events", info.events);
  ImGui::SameLine(0, 16);
  ImGui::Text("%zu lanes", info.lanes);
  if (!info.position.empty()) {
    ImGui::SameLine(0, 16);
    ImGui::TextUnformatted(info.position.c_str());
  }
  ImGui::PopStyleColor();
  if (!info.warning.empty()) {
    ImGui::SameLine(0, 24);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.warn));
    ImGui::TextUnformatted(info.warning.c_str());
    ImGui::PopStyleColor();
  }
  if (!info.message.empty()) {
    ImGui::SameLine(0, 24);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.accent));
    ImGui::TextUnformatted(info.message.c_str());
    ImGui::PopStyleColor();
  }
  if (!info.right.empty()) {
    const float w = ImGui::CalcTextSize(info.right.c_str()).x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.text_faint));
    ImGui::TextUnformatted(info.right.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace loopscope::ui
