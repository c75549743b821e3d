// The one drawing interface of the timeline. The timeline is laid out and painted once, through
// this interface, whatever the output: the screen (ImGui's draw list), an SVG file, a PNG or a
// video frame (offscreen), or a recording that tests read. Coordinates are pixels, y down.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/color.h"

namespace loopscope::timeline {

struct Vec2 {
  float x = 0, y = 0;
};

// The fonts the timeline uses; each backend maps them to its own (and knows their sizes).
enum class Font : std::uint8_t { Label, Bold, Small };

class Canvas {
 public:
  virtual ~Canvas() = default;

  // Shapes. `rounding` is a corner radius in px.
  virtual void rect(Vec2 min, Vec2 max, Rgba fill, float rounding = 0) = 0;
  virtual void rect_outline(Vec2 min, Vec2 max, Rgba color, float thickness, float rounding = 0) = 0;
  // Diagonal stripes (45 degrees) over the rectangle, `spacing` px apart, anchored to x = 0 so
  // that they do not crawl while the view pans.
  virtual void hatch(Vec2 min, Vec2 max, Rgba color, float spacing, float thickness) = 0;
  virtual void line(Vec2 a, Vec2 b, Rgba color, float thickness) = 0;
  virtual void triangle(Vec2 a, Vec2 b, Vec2 c, Rgba fill) = 0;
  virtual void quad(Vec2 a, Vec2 b, Vec2 c, Vec2 d, Rgba fill) = 0;  // convex, in order
  virtual void quad_outline(Vec2 a, Vec2 b, Vec2 c, Vec2 d, Rgba color, float thickness) = 0;
  virtual void circle(Vec2 center, float radius, Rgba fill) = 0;
  virtual void ring(Vec2 center, float radius, Rgba color, float thickness) = 0;
  virtual void curve(Vec2 p0, Vec2 p1, Vec2 p2, Vec2 p3, Rgba color, float thickness) = 0;  // cubic Bezier

  // Text, drawn from its top-left corner on one line.
  virtual void text(Vec2 top_left, Font font, std::string_view text, Rgba color) = 0;
  virtual float text_width(Font font, std::string_view text) const = 0;
  virtual float font_size(Font font) const = 0;

  // Clipping: everything drawn until the matching pop_clip stays inside the rectangle
  // (intersected with the clip already in force).
  virtual void push_clip(Vec2 min, Vec2 max) = 0;
  virtual void pop_clip() = 0;
};

// The longest prefix of `text` (whole UTF-8 characters) that fits `max_width` with "..." after
// it, or `text` itself when it fits; empty when not even "..." fits.
std::string fit_text(const Canvas& canvas, Font font, std::string_view text, float max_width);

// Text widths for backends that draw no glyphs themselves (SVG, recordings): the advance of
// each character of a font file at a pixel size, or an estimate when the file is missing.
class TextMetrics {
 public:
  virtual ~TextMetrics() = default;
  virtual float width(Font font, std::string_view text) const = 0;
  virtual float size(Font font) const = 0;
  // From the top of a line of text to its baseline.
  virtual float ascent(Font font) const { return size(font) * 0.8f; }
  // The em size the text is set at, what an SVG's font-size means. `size` is the line's height
  // as Dear ImGui sizes a font (ascender + descender), which for Inter is about 1.2 em.
  virtual float em_size(Font font) const { return size(font); }
};

}  // namespace loopscope::timeline
