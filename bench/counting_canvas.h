// A canvas that only counts what it is asked to draw: the timeline's layout and painting are
// timed without any backend's cost (the screen's ImGui draw list is filled on top of this).
#pragma once

#include "ui/timeline/canvas.h"

namespace loopscope::bench {

class CountingCanvas final : public timeline::Canvas {
 public:
  using Vec2 = timeline::Vec2;
  using Font = timeline::Font;
  explicit CountingCanvas(const timeline::TextMetrics& metrics) : metrics_(metrics) {}

  void rect(Vec2, Vec2, Rgba, float) override { ++calls; }
  void rect_outline(Vec2, Vec2, Rgba, float, float) override { ++calls; }
  void hatch(Vec2, Vec2, Rgba, float, float) override { ++calls; }
  void line(Vec2, Vec2, Rgba, float) override { ++calls; }
  void triangle(Vec2, Vec2, Vec2, Rgba) override { ++calls; }
  void quad(Vec2, Vec2, Vec2, Vec2, Rgba) override { ++calls; }
  void quad_outline(Vec2, Vec2, Vec2, Vec2, Rgba, float) override { ++calls; }
  void circle(Vec2, float, Rgba) override { ++calls; }
  void ring(Vec2, float, Rgba, float) override { ++calls; }
  void curve(Vec2, Vec2, Vec2, Vec2, Rgba, float) override { ++calls; }
  void text(Vec2, Font, std::string_view, Rgba) override { ++calls; }
  float text_width(Font font, std::string_view text) const override { return metrics_.width(font, text); }
  float font_size(Font font) const override { return metrics_.size(font); }
  void push_clip(Vec2, Vec2) override {}
  void pop_clip() override {}

  std::size_t calls = 0;

 private:
  const timeline::TextMetrics& metrics_;
};

}  // namespace loopscope::bench
