#include "ui/splitter.h"

#include <imgui.h>

#include <algorithm>

#include "platform/theme.h"

namespace loopscope::ui {

bool Splitter(const char* id, bool vertical, float thickness, float length, float* size, float min_size,
              float max_size) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 extent = vertical ? ImVec2(thickness, length) : ImVec2(length, thickness);
  ImGui::InvisibleButton(id, extent);
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  if (hovered || active) ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
  if (active) {
    const ImVec2 delta = ImGui::GetIO().MouseDelta;
    *size += vertical ? delta.x : delta.y;
  }
  *size = std::clamp(*size, min_size, std::max(min_size, max_size));
  // A thin line in the middle of the gap; the accent colour while it is hovered or dragged.
  const auto& pal = platform::palette();
  const ImU32 color = (hovered || active) ? pal.accent : pal.border;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (vertical) {
    const float x = pos.x + thickness * 0.5f;
    draw->AddLine(ImVec2(x, pos.y), ImVec2(x, pos.y + length), color, (hovered || active) ? 2.0f : 1.0f);
  } else {
    const float y = pos.y + thickness * 0.5f;
    draw->AddLine(ImVec2(pos.x, y), ImVec2(pos.x + length, y), color, (hovered || active) ? 2.0f : 1.0f);
  }
  return active;
}

}  // namespace loopscope::ui
