#include "ui/load_progress_view.h"

#include <imgui.h>

#include <algorithm>

#include "platform/fonts.h"
#include "platform/theme.h"

namespace loopscope::ui {

bool LoadProgressView::Draw(const LoadProgressInfo& info) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float width = std::min(viewport->WorkSize.x * 0.6f, ImGui::GetFontSize() * 30.0f);
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                 viewport->WorkPos.y + viewport->WorkSize.y * 0.4f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  ImGui::Begin("##load_progress", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::PushFont(platform::fonts().bold);
  ImGui::TextUnformatted(info.title.c_str());
  ImGui::PopFont();
  const float fraction = static_cast<float>(std::clamp(info.fraction, 0.0, 1.0));
  char percent[16];
  std::snprintf(percent, sizeof percent, "%d%%", static_cast<int>(fraction * 100.0f));
  ImGui::ProgressBar(fraction, ImVec2(-1, 0), percent);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(platform::palette().text_dim));
  ImGui::TextUnformatted(info.detail.c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(info.button.c_str()).x -
                  ImGui::GetStyle().FramePadding.x * 2);
  const bool pressed = ImGui::Button(info.button.c_str());
  ImGui::End();
  return pressed;
}

}  // namespace loopscope::ui
