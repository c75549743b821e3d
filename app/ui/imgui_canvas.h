// The timeline's canvas on screen: ImGui's draw list with the app's fonts. It only translates;
// every decision (what, where, which colour, which label fits) is made by the headless painter
// in app/ui/timeline.
#pragma once

#include <imgui.h>

#include "ui/timeline/canvas.h"

namespace loopscope::ui {

class ImGuiCanvas final : public timeline::Canvas {
 public:
  struct Fonts {
    ImFont* label = nullptr;
    ImFont* bold = nullptr;
    ImFont* small = nullptr;
  };
  ImGuiCanvas(ImDrawList* draw_list, Fonts fonts);

  void rect(timeline::Vec2 min, timeline::Vec2 max, Rgba fill, float rounding) override;
  void rect_outline(timeline::Vec2 min, timeline::Vec2 max, Rgba color, float thickness, float rounding) override;
  void hatch(timeline::Vec2 min, timeline::Vec2 max, Rgba color, float spacing, float thickness) override;
  void line(timeline::Vec2 a, timeline::Vec2 b, Rgba color, float thickness) override;
  void triangle(timeline::Vec2 a, timeline::Vec2 b, timeline::Vec2 c, Rgba fill) override;
  void quad(timeline::Vec2 a, timeline::Vec2 b, timeline::Vec2 c, timeline::Vec2 d, Rgba fill) override;
  void quad_outline(timeline::Vec2 a, timeline::Vec2 b, timeline::Vec2 c, timeline::Vec2 d, Rgba color, float thickness) override;
  void circle(timeline::Vec2 center, float radius, Rgba fill) override;
  void ring(timeline::Vec2 center, float radius, Rgba color, float thickness) override;
  void curve(timeline::Vec2 p0, timeline::Vec2 p1, timeline::Vec2 p2, timeline::Vec2 p3, Rgba color, float thickness) override;
  void text(timeline::Vec2 top_left, timeline::Font font, std::string_view text, Rgba color) override;
  float text_width(timeline::Font font, std::string_view text) const override;
  float font_size(timeline::Font font) const override;
  void push_clip(timeline::Vec2 min, timeline::Vec2 max) override;
  void pop_clip() override;

 private:
  ImFont* font_of(timeline::Font font) const;
  ImDrawList* dl_;
  Fonts fonts_;
};

// The same fonts as text metrics (for an SVG exported from the app: it measures like the screen).
class ImGuiTextMetrics final : public timeline::TextMetrics {
 public:
  explicit ImGuiTextMetrics(ImGuiCanvas::Fonts fonts) : fonts_(fonts) {}
  float width(timeline::Font font, std::string_view text) const override;
  float size(timeline::Font font) const override;
  float ascent(timeline::Font font) const override;

 private:
  ImFont* font_of(timeline::Font font) const;
  ImGuiCanvas::Fonts fonts_;
};

// The timeline fonts of the current UI scale.
ImGuiCanvas::Fonts timeline_fonts();

}  // namespace loopscope::ui
