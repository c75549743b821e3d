// A canvas that writes SVG: the same painter as the screen, so an exported SVG shows what the
// timeline shows. Text is measured with the TextMetrics given (the screen's own fonts when
// exported from the app), drawn in Inter.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "ui/timeline/canvas.h"

namespace loopscope::timeline {

class SvgCanvas final : public Canvas {
 public:
  SvgCanvas(const TextMetrics& metrics, float width, float height);

  void rect(Vec2 min, Vec2 max, Rgba fill, float rounding) override;
  void rect_outline(Vec2 min, Vec2 max, Rgba color, float thickness, float rounding) override;
  void hatch(Vec2 min, Vec2 max, Rgba color, float spacing, float thickness) override;
  void line(Vec2 a, Vec2 b, Rgba color, float thickness) override;
  void triangle(Vec2 a, Vec2 b, Vec2 c, Rgba fill) override;
  void quad(Vec2 a, Vec2 b, Vec2 c, Vec2 d, Rgba fill) override;
  void quad_outline(Vec2 a, Vec2 b, Vec2 c, Vec2 d, Rgba color, float thickness) override;
  void circle(Vec2 center, float radius, Rgba fill) override;
  void ring(Vec2 center, float radius, Rgba color, float thickness) override;
  void curve(Vec2 p0, Vec2 p1, Vec2 p2, Vec2 p3, Rgba color, float thickness) override;
  void text(Vec2 top_left, Font font, std::string_view text, Rgba color) override;
  float text_width(Font font, std::string_view text) const override { return metrics_.width(font, text); }
  float font_size(Font font) const override { return metrics_.size(font); }
  void push_clip(Vec2 min, Vec2 max) override;
  void pop_clip() override;

  // The finished document (closes any clip still open).
  std::string finish();

 private:
  void fill_attr(Rgba color);
  void stroke_attr(Rgba color, float thickness);
  void points(std::initializer_list<Vec2> pts);
  std::string pattern_for(Rgba color, float spacing, float thickness);

  const TextMetrics& metrics_;
  float width_, height_;
  std::ostringstream body_;
  std::vector<std::pair<Vec2, Vec2>> clips_;
  std::vector<std::string> patterns_;  // ids already defined ("h<color>_<spacing>_<thickness>")
  int next_clip_ = 0;
};

}  // namespace loopscope::timeline
