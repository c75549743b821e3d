#include "ui/timeline/svg_canvas.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace loopscope::timeline {

namespace {

std::string num(float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(v));
  std::string s(buf);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

std::string opacity(Rgba color) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(opacity_of(color)));
  return buf;
}

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;  // XML forbids control characters
    }
  }
  return out;
}

}  // namespace

SvgCanvas::SvgCanvas(const TextMetrics& metrics, float width, float height)
    : metrics_(metrics), width_(width), height_(height) {}

void SvgCanvas::fill_attr(Rgba color) {
  body_ << " fill=\"" << hex_rgb(color) << '"';
  if (alpha_of(color) != 255) body_ << " fill-opacity=\"" << opacity(color) << '"';
}

void SvgCanvas::stroke_attr(Rgba color, float thickness) {
  body_ << " fill=\"none\" stroke=\"" << hex_rgb(color) << "\" stroke-width=\"" << num(thickness) << '"';
  if (alpha_of(color) != 255) body_ << " stroke-opacity=\"" << opacity(color) << '"';
}

void SvgCanvas::points(std::initializer_list<Vec2> pts) {
  body_ << " points=\"";
  bool first = true;
  for (const Vec2& p : pts) {
    body_ << (first ? "" : " ") << num(p.x) << ',' << num(p.y);
    first = false;
  }
  body_ << '"';
}

void SvgCanvas::rect(Vec2 min, Vec2 max, Rgba fill, float rounding) {
  if (max.x <= min.x || max.y <= min.y || alpha_of(fill) == 0) return;
  body_ << "<rect x=\"" << num(min.x) << "\" y=\"" << num(min.y) << "\" width=\"" << num(max.x - min.x)
        << "\" height=\"" << num(max.y - min.y) << '"';
  if (rounding > 0) body_ << " rx=\"" << num(rounding) << '"';
  fill_attr(fill);
  body_ << "/>\n";
}

void SvgCanvas::rect_outline(Vec2 min, Vec2 max, Rgba color, float thickness, float rounding) {
  body_ << "<rect x=\"" << num(min.x) << "\" y=\"" << num(min.y) << "\" width=\"" << num(max.x - min.x)
        << "\" height=\"" << num(max.y - min.y) << '"';
  if (rounding > 0) body_ << " rx=\"" << num(rounding) << '"';
  stroke_attr(color, thickness);
  body_ << "/>\n";
}

std::string SvgCanvas::pattern_for(Rgba color, float spacing, float thickness) {
  char id[64];
  std::snprintf(id, sizeof id, "h%08x_%d_%d", color, static_cast<int>(spacing * 10), static_cast<int>(thickness * 10));
  if (std::find(patterns_.begin(), patterns_.end(), id) == patterns_.end()) {
    patterns_.emplace_back(id);
    // Stripes at 45 degrees in user space, so they line up with the screen's.
    body_ << "<defs><pattern id=\"" << id << "\" width=\"" << num(spacing) << "\" height=\"" << num(spacing)
          << "\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\""
          << num(spacing) << '"';
    stroke_attr(color, thickness);
    body_ << "/></pattern></defs>\n";
  }
  return id;
}

void SvgCanvas::hatch(Vec2 min, Vec2 max, Rgba color, float spacing, float thickness) {
  if (max.x - min.x < 1) return;
  const std::string id = pattern_for(color, spacing, thickness);
  body_ << "<rect x=\"" << num(min.x) << "\" y=\"" << num(min.y) << "\" width=\"" << num(max.x - min.x)
        << "\" height=\"" << num(max.y - min.y) << "\" fill=\"url(#" << id << ")\"/>\n";
}

void SvgCanvas::line(Vec2 a, Vec2 b, Rgba color, float thickness) {
  body_ << "<line x1=\"" << num(a.x) << "\" y1=\"" << num(a.y) << "\" x2=\"" << num(b.x) << "\" y2=\"" << num(b.y)
        << '"';
  stroke_attr(color, thickness);
  body_ << "/>\n";
}

void SvgCanvas::triangle(Vec2 a, Vec2 b, Vec2 c, Rgba fill) {
  body_ << "<polygon";
  points({a, b, c});
  fill_attr(fill);
  body_ << "/>\n";
}

void SvgCanvas::quad(Vec2 a, Vec2 b, Vec2 c, Vec2 d, Rgba fill) {
  body_ << "<polygon";
  points({a, b, c, d});
  fill_attr(fill);
  body_ << "/>\n";
}

void SvgCanvas::quad_outline(Vec2 a, Vec2 b, Vec2 c, Vec2 d, Rgba color, float thickness) {
  body_ << "<polygon";
  points({a, b, c, d});
  stroke_attr(color, thickness);
  body_ << "/>\n";
}

void SvgCanvas::circle(Vec2 center, float radius, Rgba fill) {
  body_ << "<circle cx=\"" << num(center.x) << "\" cy=\"" << num(center.y) << "\" r=\"" << num(radius) << '"';
  fill_attr(fill);
  body_ << "/>\n";
}

void SvgCanvas::ring(Vec2 center, float radius, Rgba color, float thickness) {
  body_ << "<circle cx=\"" << num(center.x) << "\" cy=\"" << num(center.y) << "\" r=\"" << num(radius) << '"';
  stroke_attr(color, thickness);
  body_ << "/>\n";
}

void SvgCanvas::curve(Vec2 p0, Vec2 p1, Vec2 p2, Vec2 p3, Rgba color, float thickness) {
  body_ << "<path d=\"M" << num(p0.x) << ' ' << num(p0.y) << " C" << num(p1.x) << ' ' << num(p1.y) << ' '
        << num(p2.x) << ' ' << num(p2.y) << ' ' << num(p3.x) << ' ' << num(p3.y) << '"';
  stroke_attr(color, thickness);
  body_ << "/>\n";
}

void SvgCanvas::text(Vec2 top_left, Font font, std::string_view text, Rgba color) {
  if (text.empty()) return;
  body_ << "<text x=\"" << num(top_left.x) << "\" y=\"" << num(top_left.y + metrics_.ascent(font))
        << "\" font-size=\"" << num(metrics_.em_size(font)) << '"';
  if (font == Font::Bold) body_ << " font-weight=\"bold\"";
  fill_attr(color);
  body_ << '>' << escaped(text) << "</text>\n";
}

void SvgCanvas::push_clip(Vec2 min, Vec2 max) {
  if (!clips_.empty()) {
    min = {std::max(min.x, clips_.back().first.x), std::max(min.y, clips_.back().first.y)};
    max = {std::min(max.x, clips_.back().second.x), std::min(max.y, clips_.back().second.y)};
  }
  clips_.emplace_back(min, max);
  const int id = next_clip_++;
  body_ << "<clipPath id=\"c" << id << "\"><rect x=\"" << num(min.x) << "\" y=\"" << num(min.y) << "\" width=\""
        << num(std::max(0.0f, max.x - min.x)) << "\" height=\"" << num(std::max(0.0f, max.y - min.y))
        << "\"/></clipPath>\n<g clip-path=\"url(#c" << id << ")\">\n";
}

void SvgCanvas::pop_clip() {
  if (clips_.empty()) return;
  clips_.pop_back();
  body_ << "</g>\n";
}

std::string SvgCanvas::finish() {
  while (!clips_.empty()) pop_clip();
  std::ostringstream doc;
  doc << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << num(width_) << "\" height=\"" << num(height_)
      << "\" viewBox=\"0 0 " << num(width_) << ' ' << num(height_)
      << "\" font-family=\"Inter, 'DejaVu Sans', sans-serif\">\n"
      << body_.str() << "</svg>\n";
  return doc.str();
}

}  // namespace loopscope::timeline
