// Colours and drawing primitives of the timeline (see timeline_draw.h).
#include <algorithm>
#include <cmath>

#include "platform/theme.h"
#include "ui/timeline_draw.h"

namespace loopscope::timeline {

ImU32 with_alpha(ImU32 color, float alpha) {
  const auto a = static_cast<ImU32>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f + 0.5f);
  return (color & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
  const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32(
      ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

ImU32 text_on(ImU32 background) {
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
  const float luma = 0.299f * c.x + 0.587f * c.y + 0.114f * c.z;
  return luma > 0.55f ? IM_COL32(16, 18, 24, 255) : IM_COL32(255, 255, 255, 255);
}

Colors Colors::from_theme() {
  const auto& pal = platform::palette();
  const ImGuiStyle& style = ImGui::GetStyle();
  Colors c{};
  c.light = platform::current_theme() == platform::ThemeKind::Light;
  c.bg = ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_ChildBg].w > 0 ? style.Colors[ImGuiCol_ChildBg]
                                                                            : style.Colors[ImGuiCol_WindowBg]);
  c.text = pal.text;
  c.text_dim = pal.text_dim;
  c.text_faint = pal.text_faint;
  c.row_alt = with_alpha(pal.text, c.light ? 0.035f : 0.03f);
  c.header_bg = ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_FrameBg]);
  c.grid = with_alpha(pal.text, c.light ? 0.10f : 0.08f);
  c.accent = pal.accent;
  c.accent_soft = pal.accent_soft;
  c.error = pal.error;
  c.error_soft = pal.error_soft;
  c.warn = pal.warn;
  c.ok = pal.ok;
  c.idle = with_alpha(pal.text_faint, 0.35f);
  c.callback = pal.lane_loop;
  c.border = pal.border;
  c.on_bar = IM_COL32(255, 255, 255, 255);
  return c;
}

float text_clipped(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, float max_width, ImU32 color,
                   std::string_view text) {
  if (text.empty() || max_width <= 0) return 0;
  const char* begin = text.data();
  const char* end = begin + text.size();
  float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, end).x;
  if (w <= max_width) {
    dl->AddText(font, size, pos, color, begin, end);
    return w;
  }
  const float dots = font->CalcTextSizeA(size, FLT_MAX, 0.0f, "...").x;
  if (dots > max_width) return 0;
  // The longest prefix of whole UTF-8 characters that fits with "..." after it.
  const float scale = size / font->FontSize;
  float prefix = 0;
  const char* fit = begin;
  for (const char* p = begin; p < end;) {
    const auto lead = static_cast<unsigned char>(*p);
    const int n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (end - p < n) break;
    unsigned code = n == 1 ? lead : lead & (0x3Fu >> (n - 1));
    for (int k = 1; k < n; ++k) code = (code << 6) | (static_cast<unsigned char>(p[k]) & 0x3Fu);
    const float advance = font->GetCharAdvance(static_cast<ImWchar>(code <= 0xFFFF ? code : '?')) * scale;
    if (prefix + advance > max_width - dots) break;
    prefix += advance;
    p += n;
    fit = p;
  }
  if (fit == begin) return 0;
  dl->AddText(font, size, pos, color, begin, fit);
  dl->AddText(font, size, ImVec2(pos.x + prefix, pos.y), color, "...");
  return prefix + dots;
}

void hatch(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color, float spacing, float thickness) {
  if (b.x - a.x < 1.0f) return;
  dl->PushClipRect(a, b, true);
  const float h = b.y - a.y;
  // Stripes at 45 degrees, anchored to absolute x so they do not crawl while panning.
  const float start = std::floor((a.x - h) / spacing) * spacing;
  for (float x = start; x < b.x; x += spacing) {
    dl->AddLine(ImVec2(x, b.y), ImVec2(x + h, a.y), color, thickness);
  }
  dl->PopClipRect();
}

}  // namespace loopscope::timeline
