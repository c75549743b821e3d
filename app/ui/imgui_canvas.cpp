#include "ui/imgui_canvas.h"

#include <cfloat>
#include <cmath>

#include "platform/fonts.h"

namespace loopscope::ui {

namespace {

ImVec2 v(timeline::Vec2 p) { return ImVec2(p.x, p.y); }

ImFont* pick(const ImGuiCanvas::Fonts& fonts, timeline::Font font) {
  ImFont* f = font == timeline::Font::Bold ? fonts.bold : font == timeline::Font::Small ? fonts.small : fonts.label;
  return f ? f : ImGui::GetFont();
}

float width_of(ImFont* font, std::string_view text) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

}  // namespace

ImGuiCanvas::Fonts timeline_fonts() {
  const auto& f = platform::fonts();
  return {f.ui, f.bold, f.small};
}

ImGuiCanvas::ImGuiCanvas(ImDrawList* draw_list, Fonts fonts) : dl_(draw_list), fonts_(fonts) {}

ImFont* ImGuiCanvas::font_of(timeline::Font font) const { return pick(fonts_, font); }

void ImGuiCanvas::rect(timeline::Vec2 min, timeline::Vec2 max, Rgba fill, float rounding) {
  dl_->AddRectFilled(v(min), v(max), fill, rounding);
}

void ImGuiCanvas::rect_outline(timeline::Vec2 min, timeline::Vec2 max, Rgba color, float thickness, float rounding) {
  dl_->AddRect(v(min), v(max), color, rounding, 0, thickness);
}

void ImGuiCanvas::hatch(timeline::Vec2 min, timeline::Vec2 max, Rgba color, float spacing, float thickness) {
  if (max.x - min.x < 1.0f || spacing <= 0) return;
  dl_->PushClipRect(v(min), v(max), true);
  const float h = max.y - min.y;
  // Stripes at 45 degrees, anchored to absolute x so they do not crawl while panning.
  const float start = std::floor((min.x - h) / spacing) * spacing;
  for (float x = start; x < max.x; x += spacing) dl_->AddLine(ImVec2(x, max.y), ImVec2(x + h, min.y), color, thickness);
  dl_->PopClipRect();
}

void ImGuiCanvas::line(timeline::Vec2 a, timeline::Vec2 b, Rgba color, float thickness) {
  dl_->AddLine(v(a), v(b), color, thickness);
}

void ImGuiCanvas::triangle(timeline::Vec2 a, timeline::Vec2 b, timeline::Vec2 c, Rgba fill) {
  dl_->AddTriangleFilled(v(a), v(b), v(c), fill);
}

void ImGuiCanvas::quad(timeline::Vec2 a, timeline::Vec2 b, timeline::Vec2 c, timeline::Vec2 d, Rgba fill) {
  dl_->AddQuadFilled(v(a), v(b), v(c), v(d), fill);
}

void ImGuiCanvas::quad_outline(timeline::Vec2 a, timeline::Vec2 b, timeline::Vec2 c, timeline::Vec2 d, Rgba color,
                               float thickness) {
  dl_->AddQuad(v(a), v(b), v(c), v(d), color, thickness);
}

void ImGuiCanvas::circle(timeline::Vec2 center, float radius, Rgba fill) { dl_->AddCircleFilled(v(center), radius, fill); }

void ImGuiCanvas::ring(timeline::Vec2 center, float radius, Rgba color, float thickness) {
  dl_->AddCircle(v(center), radius, color, 0, thickness);
}

void ImGuiCanvas::curve(timeline::Vec2 p0, timeline::Vec2 p1, timeline::Vec2 p2, timeline::Vec2 p3, Rgba color,
                        float thickness) {
  dl_->AddBezierCubic(v(p0), v(p1), v(p2), v(p3), color, thickness);
}

void ImGuiCanvas::text(timeline::Vec2 top_left, timeline::Font font, std::string_view text, Rgba color) {
  ImFont* f = font_of(font);
  dl_->AddText(f, f->FontSize, v(top_left), color, text.data(), text.data() + text.size());
}

float ImGuiCanvas::text_width(timeline::Font font, std::string_view text) const { return width_of(font_of(font), text); }

float ImGuiCanvas::font_size(timeline::Font font) const { return font_of(font)->FontSize; }

void ImGuiCanvas::push_clip(timeline::Vec2 min, timeline::Vec2 max) { dl_->PushClipRect(v(min), v(max), true); }

void ImGuiCanvas::pop_clip() { dl_->PopClipRect(); }

ImFont* ImGuiTextMetrics::font_of(timeline::Font font) const { return pick(fonts_, font); }

float ImGuiTextMetrics::width(timeline::Font font, std::string_view text) const { return width_of(font_of(font), text); }

float ImGuiTextMetrics::size(timeline::Font font) const { return font_of(font)->FontSize; }

float ImGuiTextMetrics::ascent(timeline::Font font) const { return font_of(font)->Ascent; }

}  // namespace loopscope::ui
