#include "ui/confirm_popup.h"

#include <imgui.h>

#include <algorithm>

#include "platform/theme.h"

namespace loopscope::ui {

void ConfirmPopup::Ask(std::string title, std::string question, std::string yes_label) {
  title_ = std::move(title) + "###confirm";  // one id whatever the title says
  question_ = std::move(question);
  yes_ = std::move(yes_label);
  request_ = true;
}

bool ConfirmPopup::Draw() {
  if (request_) {
    ImGui::OpenPopup(title_.c_str());
    request_ = false;
    open_ = true;
  }
  if (!open_) return false;
  bool yes = false;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal(title_.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
    // Wrapped at a width that reads well and still fits a small window at 200%.
    const float wrap = std::min(ImGui::GetFontSize() * 26.0f, ImGui::GetMainViewport()->Size.x * 0.8f);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextUnformatted(question_.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    const auto& pal = platform::palette();
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(pal.error));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.text_on(pal.error)));
    if (ImGui::Button(yes_.c_str())) yes = true;
    ImGui::PopStyleColor(2);
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) || yes) {
      open_ = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  } else {
    open_ = false;
  }
  return yes;
}

}  // namespace loopscope::ui
