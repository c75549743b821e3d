// Colours as plain 32-bit values, shared by every painter (screen, SVG, PNG). The byte order is
// Dear ImGui's ImU32 (red in the low byte, alpha in the high byte), so the screen backend passes
// them through unchanged. The values themselves come only from the theme files (assets/themes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loopscope {

using Rgba = std::uint32_t;

constexpr Rgba rgba(std::uint8_t r, std::uint8_t g, std::uint8_t b, std::uint8_t a = 255) {
  return static_cast<Rgba>(r) | static_cast<Rgba>(g) << 8 | static_cast<Rgba>(b) << 16 | static_cast<Rgba>(a) << 24;
}
constexpr std::uint8_t red_of(Rgba c) { return static_cast<std::uint8_t>(c & 0xFF); }
constexpr std::uint8_t green_of(Rgba c) { return static_cast<std::uint8_t>((c >> 8) & 0xFF); }
constexpr std::uint8_t blue_of(Rgba c) { return static_cast<std::uint8_t>((c >> 16) & 0xFF); }
constexpr std::uint8_t alpha_of(Rgba c) { return static_cast<std::uint8_t>(c >> 24); }

// The colour with its alpha replaced (alpha in 0..1).
Rgba with_alpha(Rgba color, float alpha);
// The colour with its alpha multiplied (fades an already translucent colour further).
Rgba fade(Rgba color, float factor);
// Linear blend: t = 0 gives a, t = 1 gives b.
Rgba mix(Rgba a, Rgba b, float t);
// Perceived brightness, 0 (black) to 1 (white).
float luminance(Rgba color);
// "#rrggbb" or "#rrggbbaa"; nullopt for anything else.
std::optional<Rgba> parse_hex_color(std::string_view text);
// "#rrggbb" (alpha left out: SVG takes it as a separate opacity).
std::string hex_rgb(Rgba color);
// Alpha as 0..1.
inline float opacity_of(Rgba color) { return static_cast<float>(alpha_of(color)) / 255.0f; }

}  // namespace loopscope
