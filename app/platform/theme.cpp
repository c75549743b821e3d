#include "platform/theme.h"

namespace loopscope::platform {
namespace {

Theme g_theme = emergency_theme();

ImVec4 vec(Rgba c) { return ImGui::ColorConvertU32ToFloat4(c); }
ImVec4 vec(Rgba c, float alpha) { return vec(with_alpha(c, alpha)); }

struct Loaded {
  std::vector<Theme> themes;
  std::vector<std::string> problems;
};

const Loaded& loaded() {
  static const Loaded data = [] {
    Loaded l;
    l.themes = load_shipped_themes(&l.problems);
    if (l.themes.empty()) l.themes.push_back(emergency_theme());
    return l;
  }();
  return data;
}

void set_style_colors(const Theme& t) {
  ImVec4* c = ImGui::GetStyle().Colors;
  const bool light = t.light;
  c[ImGuiCol_Text] = vec(t.text);
  c[ImGuiCol_TextDisabled] = vec(t.text_dim);
  c[ImGuiCol_WindowBg] = vec(t.bg);
  c[ImGuiCol_ChildBg] = vec(t.panel);
  c[ImGuiCol_PopupBg] = vec(t.raised);
  c[ImGuiCol_Border] = vec(t.border);
  c[ImGuiCol_BorderShadow] = vec(t.bg, 0.0f);
  c[ImGuiCol_FrameBg] = vec(t.raised);
  c[ImGuiCol_FrameBgHovered] = vec(t.hover);
  c[ImGuiCol_FrameBgActive] = vec(t.active);
  c[ImGuiCol_TitleBg] = vec(t.bg);
  c[ImGuiCol_TitleBgActive] = vec(t.bg);
  c[ImGuiCol_TitleBgCollapsed] = vec(t.bg);
  c[ImGuiCol_MenuBarBg] = vec(t.panel);
  c[ImGuiCol_ScrollbarBg] = vec(t.bg, 0.0f);
  c[ImGuiCol_ScrollbarGrab] = vec(t.hover);
  c[ImGuiCol_ScrollbarGrabHovered] = vec(t.active);
  c[ImGuiCol_ScrollbarGrabActive] = vec(t.accent);
  c[ImGuiCol_CheckMark] = vec(t.accent);
  c[ImGuiCol_SliderGrab] = vec(t.accent);
  c[ImGuiCol_SliderGrabActive] = vec(t.accent);
  c[ImGuiCol_Button] = vec(t.raised);
  c[ImGuiCol_ButtonHovered] = vec(t.hover);
  c[ImGuiCol_ButtonActive] = vec(t.active);
  c[ImGuiCol_Header] = vec(t.accent, light ? 0.18f : 0.28f);
  c[ImGuiCol_HeaderHovered] = vec(t.accent, light ? 0.26f : 0.38f);
  c[ImGuiCol_HeaderActive] = vec(t.accent, light ? 0.34f : 0.48f);
  c[ImGuiCol_Separator] = vec(t.border);
  c[ImGuiCol_SeparatorHovered] = vec(t.accent);
  c[ImGuiCol_SeparatorActive] = vec(t.accent);
  c[ImGuiCol_ResizeGrip] = vec(t.accent, 0.0f);
  c[ImGuiCol_ResizeGripHovered] = vec(t.accent, 0.5f);
  c[ImGuiCol_ResizeGripActive] = vec(t.accent);
  c[ImGuiCol_Tab] = vec(t.panel);
  c[ImGuiCol_TabHovered] = vec(t.hover);
  c[ImGuiCol_TabActive] = vec(t.raised);
  c[ImGuiCol_TabUnfocused] = vec(t.panel);
  c[ImGuiCol_TabUnfocusedActive] = vec(t.raised);
  c[ImGuiCol_PlotLines] = vec(t.accent);
  c[ImGuiCol_PlotHistogram] = vec(t.accent);
  c[ImGuiCol_TableHeaderBg] = vec(t.raised);
  c[ImGuiCol_TableBorderStrong] = vec(t.border);
  c[ImGuiCol_TableBorderLight] = vec(t.border, 0.6f);
  c[ImGuiCol_TableRowBg] = vec(t.bg, 0.0f);
  c[ImGuiCol_TableRowBgAlt] = vec(t.row_alt);
  c[ImGuiCol_TextSelectedBg] = vec(t.accent, 0.35f);
  c[ImGuiCol_DragDropTarget] = vec(t.accent);
  c[ImGuiCol_NavHighlight] = vec(t.accent);
  c[ImGuiCol_ModalWindowDimBg] = vec(t.scroll_shade);
}

void set_shapes(float scale) {
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowPadding = ImVec2(10, 8);
  s.FramePadding = ImVec2(8, 4);
  s.ItemSpacing = ImVec2(8, 6);
  s.ItemInnerSpacing = ImVec2(6, 4);
  s.CellPadding = ImVec2(6, 3);
  s.IndentSpacing = 16;
  s.ScrollbarSize = 12;
  s.GrabMinSize = 10;
  s.WindowRounding = 0;
  s.ChildRounding = 0;
  s.FrameRounding = 4;
  s.PopupRounding = 4;
  s.ScrollbarRounding = 6;
  s.GrabRounding = 4;
  s.TabRounding = 4;
  s.WindowBorderSize = 0;
  s.ChildBorderSize = 0;
  s.PopupBorderSize = 1;
  s.FrameBorderSize = 0;
  s.ScaleAllSizes(scale);
}

}  // namespace

const std::vector<Theme>& themes() { return loaded().themes; }
const std::vector<std::string>& theme_problems() { return loaded().problems; }

void apply_theme(const std::string& id, float scale) {
  g_theme = pick_theme(themes(), id);
  ImGui::GetStyle() = ImGuiStyle();
  set_shapes(scale);
  set_style_colors(g_theme);
}

const Theme& theme() { return g_theme; }

}  // namespace loopscope::platform
