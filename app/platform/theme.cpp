#include "platform/theme.h"

namespace loopscope::platform {
namespace {

ThemeKind g_kind = ThemeKind::Dark;
Palette g_palette{};

ImVec4 rgb(int hex, float a = 1.0f) {
  return ImVec4(((hex >> 16) & 0xff) / 255.0f, ((hex >> 8) & 0xff) / 255.0f, (hex & 0xff) / 255.0f, a);
}
ImU32 u32(int hex, float a = 1.0f) { return ImGui::ColorConvertFloat4ToU32(rgb(hex, a)); }

// Surfaces and text of one theme; the ImGui colours are derived from these few.
struct Base {
  int bg, panel, raised, hover, active, border, text, text_dim, accent;
};

void set_style_colors(const Base& b, bool light) {
  ImVec4* c = ImGui::GetStyle().Colors;
  c[ImGuiCol_Text] = rgb(b.text);
  c[ImGuiCol_TextDisabled] = rgb(b.text_dim);
  c[ImGuiCol_WindowBg] = rgb(b.bg);
  c[ImGuiCol_ChildBg] = rgb(b.panel);
  c[ImGuiCol_PopupBg] = rgb(b.raised);
  c[ImGuiCol_Border] = rgb(b.border);
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = rgb(b.raised);
  c[ImGuiCol_FrameBgHovered] = rgb(b.hover);
  c[ImGuiCol_FrameBgActive] = rgb(b.active);
  c[ImGuiCol_TitleBg] = rgb(b.bg);
  c[ImGuiCol_TitleBgActive] = rgb(b.bg);
  c[ImGuiCol_TitleBgCollapsed] = rgb(b.bg);
  c[ImGuiCol_MenuBarBg] = rgb(b.panel);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = rgb(b.hover);
  c[ImGuiCol_ScrollbarGrabHovered] = rgb(b.active);
  c[ImGuiCol_ScrollbarGrabActive] = rgb(b.accent);
  c[ImGuiCol_CheckMark] = rgb(b.accent);
  c[ImGuiCol_SliderGrab] = rgb(b.accent);
  c[ImGuiCol_SliderGrabActive] = rgb(b.accent);
  c[ImGuiCol_Button] = rgb(b.raised);
  c[ImGuiCol_ButtonHovered] = rgb(b.hover);
  c[ImGuiCol_ButtonActive] = rgb(b.active);
  c[ImGuiCol_Header] = rgb(b.accent, light ? 0.18f : 0.28f);
  c[ImGuiCol_HeaderHovered] = rgb(b.accent, light ? 0.26f : 0.38f);
  c[ImGuiCol_HeaderActive] = rgb(b.accent, light ? 0.34f : 0.48f);
  c[ImGuiCol_Separator] = rgb(b.border);
  c[ImGuiCol_SeparatorHovered] = rgb(b.accent);
  c[ImGuiCol_SeparatorActive] = rgb(b.accent);
  c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripHovered] = rgb(b.accent, 0.5f);
  c[ImGuiCol_ResizeGripActive] = rgb(b.accent);
  c[ImGuiCol_Tab] = rgb(b.panel);
  c[ImGuiCol_TabHovered] = rgb(b.hover);
  c[ImGuiCol_TabActive] = rgb(b.raised);
  c[ImGuiCol_TabUnfocused] = rgb(b.panel);
  c[ImGuiCol_TabUnfocusedActive] = rgb(b.raised);
  c[ImGuiCol_PlotLines] = rgb(b.accent);
  c[ImGuiCol_PlotHistogram] = rgb(b.accent);
  c[ImGuiCol_TableHeaderBg] = rgb(b.raised);
  c[ImGuiCol_TableBorderStrong] = rgb(b.border);
  c[ImGuiCol_TableBorderLight] = rgb(b.border, 0.6f);
  c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_TableRowBgAlt] = light ? rgb(0x000000, 0.035f) : rgb(0xffffff, 0.03f);
  c[ImGuiCol_TextSelectedBg] = rgb(b.accent, 0.35f);
  c[ImGuiCol_DragDropTarget] = rgb(b.accent);
  c[ImGuiCol_NavHighlight] = rgb(b.accent);
  c[ImGuiCol_ModalWindowDimBg] = rgb(0x000000, 0.45f);
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

ThemeKind theme_from_name(std::string_view name) { return name == "light" ? ThemeKind::Light : ThemeKind::Dark; }
const char* theme_name(ThemeKind kind) { return kind == ThemeKind::Light ? "light" : "dark"; }

void apply_theme(ThemeKind kind, float scale) {
  g_kind = kind;
  ImGui::GetStyle() = ImGuiStyle();
  set_shapes(scale);
  Palette& p = g_palette;
  if (kind == ThemeKind::Dark) {
    set_style_colors({0x15171c, 0x1b1e24, 0x262a33, 0x313643, 0x3b4252, 0x2c313b, 0xe4e7ec, 0x8b93a3, 0x5aa2ff}, false);
    p.text = u32(0xe4e7ec); p.text_dim = u32(0x9aa2b1); p.text_faint = u32(0x5d6472);
    p.accent = u32(0x5aa2ff); p.accent_soft = u32(0x5aa2ff, 0.16f);
    p.code_bg = u32(0x171a1f); p.gutter_bg = u32(0x1b1e24); p.inline_code_bg = u32(0x2a2f38); p.border = u32(0x2c313b);
    p.ok = u32(0x4cc38a); p.warn = u32(0xf0b44c); p.error = u32(0xff6b6b); p.error_soft = u32(0xff6b6b, 0.14f);
    p.syn_keyword = u32(0xc792ea); p.syn_builtin = u32(0x82aaff); p.syn_string = u32(0xa5d6a7);
    p.syn_number = u32(0xf78c6c); p.syn_comment = u32(0x6b7385); p.syn_decorator = u32(0xffcb6b);
    p.syn_def_name = u32(0x7fd3f7); p.syn_self = u32(0xf07178);
    p.lane_main = u32(0xb0b8c8); p.lane_loop = u32(0x9aa7bd); p.lane_thread = u32(0xf0b44c); p.lane_gen = u32(0x4dd0c8);
    const int hues[8] = {0x5aa2ff, 0x4cc38a, 0xc792ea, 0xff9e64, 0x4dd0e1, 0xf06292, 0xd4c35a, 0x9ccc65};
    for (int i = 0; i < 8; ++i) p.task_hues[i] = u32(hues[i]);
  } else {
    // Projectors wash out pale tints: strong text, saturated mid-dark hues, clear borders.
    set_style_colors({0xffffff, 0xf4f5f7, 0xe6e8ec, 0xd8dbe2, 0xc8ccd6, 0xb9bec9, 0x0d0f14, 0x4a5160, 0x0a58ca}, true);
    p.text = u32(0x0d0f14); p.text_dim = u32(0x454c5a); p.text_faint = u32(0x8a909c);
    p.accent = u32(0x0a58ca); p.accent_soft = u32(0x0a58ca, 0.12f);
    p.code_bg = u32(0xffffff); p.gutter_bg = u32(0xf4f5f7); p.inline_code_bg = u32(0xe8eaef); p.border = u32(0xb9bec9);
    p.ok = u32(0x137a3e); p.warn = u32(0xa15c00); p.error = u32(0xc4161c); p.error_soft = u32(0xc4161c, 0.10f);
    p.syn_keyword = u32(0x7a1fa2); p.syn_builtin = u32(0x0b50b8); p.syn_string = u32(0x1a7a2e);
    p.syn_number = u32(0xb34700); p.syn_comment = u32(0x6a7180); p.syn_decorator = u32(0x8a5a00);
    p.syn_def_name = u32(0x005f87); p.syn_self = u32(0xb0243a);
    p.lane_main = u32(0x4a5160); p.lane_loop = u32(0x3d4a66); p.lane_thread = u32(0xb36b00); p.lane_gen = u32(0x00897b);
    const int hues[8] = {0x0a58ca, 0x137a3e, 0x7a1fa2, 0xc25100, 0x00838f, 0xc2185b, 0x827717, 0x4e7d0e};
    for (int i = 0; i < 8; ++i) p.task_hues[i] = u32(hues[i]);
  }
}

ThemeKind current_theme() { return g_kind; }
const Palette& palette() { return g_palette; }

}  // namespace loopscope::platform
