#include "core/color.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace loopscope {

namespace {

std::uint8_t to_byte(float v) { return static_cast<std::uint8_t>(std::clamp(v, 0.0f, 255.0f) + 0.5f); }

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Rgba with_alpha(Rgba color, float alpha) {
  return (color & 0x00FFFFFFu) | static_cast<Rgba>(to_byte(std::clamp(alpha, 0.0f, 1.0f) * 255.0f)) << 24;
}

Rgba fade(Rgba color, float factor) { return with_alpha(color, opacity_of(color) * factor); }

Rgba mix(Rgba a, Rgba b, float t) {
  const auto blend = [t](std::uint8_t x, std::uint8_t y) {
    return to_byte(static_cast<float>(x) + (static_cast<float>(y) - static_cast<float>(x)) * t);
  };
  return rgba(blend(red_of(a), red_of(b)), blend(green_of(a), green_of(b)), blend(blue_of(a), blue_of(b)),
              blend(alpha_of(a), alpha_of(b)));
}

float luminance(Rgba c) {
  return (0.299f * static_cast<float>(red_of(c)) + 0.587f * static_cast<float>(green_of(c)) +
          0.114f * static_cast<float>(blue_of(c))) / 255.0f;
}

std::optional<Rgba> parse_hex_color(std::string_view text) {
  if (text.size() != 7 && text.size() != 9) return std::nullopt;
  if (text[0] != '#') return std::nullopt;
  std::uint8_t bytes[4] = {0, 0, 0, 255};
  for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
    const int hi = hex_digit(text[i + 1]), lo = hex_digit(text[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    bytes[i / 2] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return rgba(bytes[0], bytes[1], bytes[2], bytes[3]);
}

std::string hex_rgb(Rgba color) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", red_of(color), green_of(color), blue_of(color));
  return buf;
}

}  // namespace loopscope
