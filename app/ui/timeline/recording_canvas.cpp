#include "ui/timeline/recording_canvas.h"

#include <algorithm>
#include <limits>

namespace loopscope::timeline {

DrawCommand& RecordingCanvas::add(DrawCommand::Kind kind, Rgba color) {
  DrawCommand& c = commands_.emplace_back();
  c.kind = kind;
  c.color = color;
  if (clips_.empty()) {
    constexpr float big = std::numeric_limits<float>::max();
    c.clip_min = {-big, -big};
    c.clip_max = {big, big};
  } else {
    c.clip_min = clips_.back().first;
    c.clip_max = clips_.back().second;
  }
  return c;
}

void RecordingCanvas::rect(Vec2 min, Vec2 max, Rgba fill, float rounding) {
  DrawCommand& c = add(DrawCommand::Kind::Rect, fill);
  c.p[0] = min;
  c.p[1] = max;
  c.size = rounding;
}

void RecordingCanvas::rect_outline(Vec2 min, Vec2 max, Rgba color, float thickness, float rounding) {
  DrawCommand& c = add(DrawCommand::Kind::RectOutline, color);
  c.p[0] = min;
  c.p[1] = max;
  c.size = thickness;
  c.extra = rounding;
}

void RecordingCanvas::hatch(Vec2 min, Vec2 max, Rgba color, float spacing, float thickness) {
  DrawCommand& c = add(DrawCommand::Kind::Hatch, color);
  c.p[0] = min;
  c.p[1] = max;
  c.size = spacing;
  c.extra = thickness;
}

void RecordingCanvas::line(Vec2 a, Vec2 b, Rgba color, float thickness) {
  DrawCommand& c = add(DrawCommand::Kind::Line, color);
  c.p[0] = a;
  c.p[1] = b;
  c.size = thickness;
}

void RecordingCanvas::triangle(Vec2 a, Vec2 b, Vec2 c3, Rgba fill) {
  DrawCommand& c = add(DrawCommand::Kind::Triangle, fill);
  c.p[0] = a;
  c.p[1] = b;
  c.p[2] = c3;
}

void RecordingCanvas::quad(Vec2 a, Vec2 b, Vec2 c3, Vec2 d, Rgba fill) {
  DrawCommand& c = add(DrawCommand::Kind::Quad, fill);
  c.p[0] = a;
  c.p[1] = b;
  c.p[2] = c3;
  c.p[3] = d;
}

void RecordingCanvas::quad_outline(Vec2 a, Vec2 b, Vec2 c3, Vec2 d, Rgba color, float thickness) {
  DrawCommand& c = add(DrawCommand::Kind::QuadOutline, color);
  c.p[0] = a;
  c.p[1] = b;
  c.p[2] = c3;
  c.p[3] = d;
  c.size = thickness;
}

void RecordingCanvas::circle(Vec2 center, float radius, Rgba fill) {
  DrawCommand& c = add(DrawCommand::Kind::Circle, fill);
  c.p[0] = center;
  c.size = radius;
}

void RecordingCanvas::ring(Vec2 center, float radius, Rgba color, float thickness) {
  DrawCommand& c = add(DrawCommand::Kind::Ring, color);
  c.p[0] = center;
  c.size = radius;
  c.extra = thickness;
}

void RecordingCanvas::curve(Vec2 p0, Vec2 p1, Vec2 p2, Vec2 p3, Rgba color, float thickness) {
  DrawCommand& c = add(DrawCommand::Kind::Curve, color);
  c.p[0] = p0;
  c.p[1] = p1;
  c.p[2] = p2;
  c.p[3] = p3;
  c.size = thickness;
}

void RecordingCanvas::text(Vec2 top_left, Font font, std::string_view text, Rgba color) {
  DrawCommand& c = add(DrawCommand::Kind::Text, color);
  c.p[0] = top_left;
  c.font = font;
  c.text = std::string(text);
}

void RecordingCanvas::push_clip(Vec2 min, Vec2 max) {
  if (!clips_.empty()) {
    min = {std::max(min.x, clips_.back().first.x), std::max(min.y, clips_.back().first.y)};
    max = {std::min(max.x, clips_.back().second.x), std::min(max.y, clips_.back().second.y)};
  }
  DrawCommand& c = add(DrawCommand::Kind::PushClip, 0);
  c.p[0] = min;
  c.p[1] = max;
  clips_.emplace_back(min, max);
}

void RecordingCanvas::pop_clip() {
  add(DrawCommand::Kind::PopClip, 0);
  if (!clips_.empty()) clips_.pop_back();
}

std::vector<std::string> RecordingCanvas::texts() const {
  std::vector<std::string> out;
  for (const DrawCommand& c : commands_)
    if (c.kind == DrawCommand::Kind::Text) out.push_back(c.text);
  return out;
}

void RecordingCanvas::replay(Canvas& out) const {
  using K = DrawCommand::Kind;
  for (const DrawCommand& c : commands_) {
    switch (c.kind) {
      case K::Rect: out.rect(c.p[0], c.p[1], c.color, c.size); break;
      case K::RectOutline: out.rect_outline(c.p[0], c.p[1], c.color, c.size, c.extra); break;
      case K::Hatch: out.hatch(c.p[0], c.p[1], c.color, c.size, c.extra); break;
      case K::Line: out.line(c.p[0], c.p[1], c.color, c.size); break;
      case K::Triangle: out.triangle(c.p[0], c.p[1], c.p[2], c.color); break;
      case K::Quad: out.quad(c.p[0], c.p[1], c.p[2], c.p[3], c.color); break;
      case K::QuadOutline: out.quad_outline(c.p[0], c.p[1], c.p[2], c.p[3], c.color, c.size); break;
      case K::Circle: out.circle(c.p[0], c.size, c.color); break;
      case K::Ring: out.ring(c.p[0], c.size, c.color, c.extra); break;
      case K::Curve: out.curve(c.p[0], c.p[1], c.p[2], c.p[3], c.color, c.size); break;
      case K::Text: out.text(c.p[0], c.font, c.text, c.color); break;
      case K::PushClip: out.push_clip(c.p[0], c.p[1]); break;
      case K::PopClip: out.pop_clip(); break;
    }
  }
}

float EstimatedTextMetrics::width(Font font, std::string_view text) const {
  // Average advances of a proportional sans-serif, in em: narrow letters, digits, the rest.
  float em = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation: counted with its lead byte
    if (c == ' ' || c == 'i' || c == 'l' || c == 'j' || c == '.' || c == ',' || c == ':' || c == '\'' ||
        c == '|' || c == '!' || c == '(' || c == ')' || c == '[' || c == ']' || c == 't' || c == 'f' || c == 'r')
      em += 0.32f;
    else if (c >= '0' && c <= '9')
      em += 0.56f;
    else if (c == 'm' || c == 'w' || c == 'M' || c == 'W')
      em += 0.85f;
    else if (c >= 'A' && c <= 'Z')
      em += 0.66f;
    else
      em += 0.55f;
  }
  const float bold = font == Font::Bold ? 1.05f : 1.0f;
  return em * size(font) * bold;
}

}  // namespace loopscope::timeline
