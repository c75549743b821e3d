// A canvas that records what is drawn instead of drawing it: tests assert on it (which labels,
// hatches and colours a fixture trace produces) and it can be replayed into any other canvas.
#pragma once

#include <string>
#include <vector>

#include "ui/timeline/canvas.h"

namespace loopscope::timeline {

struct DrawCommand {
  enum class Kind : std::uint8_t {
    Rect, RectOutline, Hatch, Line, Triangle, Quad, QuadOutline, Circle, Ring, Curve, Text, PushClip, PopClip
  };
  Kind kind = Kind::Rect;
  Vec2 p[4];            // rect: min, max; line: a, b; shapes: their points; text: top-left
  Rgba color = 0;
  float size = 0;       // thickness, rounding (rect), radius, spacing (hatch)
  float extra = 0;      // hatch thickness, rounded outline thickness
  Font font = Font::Label;
  std::string text;
  Vec2 clip_min, clip_max;  // the clip in force when it was drawn
};

class RecordingCanvas final : public Canvas {
 public:
  // Text widths come from `metrics` (which must outlive the canvas).
  explicit RecordingCanvas(const TextMetrics& metrics) : metrics_(metrics) {}

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

  const std::vector<DrawCommand>& commands() const { return commands_; }
  // Every text drawn, in order.
  std::vector<std::string> texts() const;
  // Draws the recording into `out` (which measures text its own way: only what was decided
  // here is replayed).
  void replay(Canvas& out) const;

 private:
  DrawCommand& add(DrawCommand::Kind kind, Rgba color);
  const TextMetrics& metrics_;
  std::vector<DrawCommand> commands_;
  std::vector<std::pair<Vec2, Vec2>> clips_;
};

// Widths estimated from character classes (narrow, wide, digits) at fixed pixel sizes: for
// tests and for exports made where no font file can be read.
class EstimatedTextMetrics final : public TextMetrics {
 public:
  explicit EstimatedTextMetrics(float label_px = 16, float small_px = 13) : label_(label_px), small_(small_px) {}
  float width(Font font, std::string_view text) const override;
  float size(Font font) const override { return font == Font::Small ? small_ : label_; }

 private:
  float label_, small_;
};

}  // namespace loopscope::timeline
