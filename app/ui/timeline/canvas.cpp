#include "ui/timeline/canvas.h"

#include <algorithm>
#include <vector>

namespace loopscope::timeline {

namespace {

// Bytes in the UTF-8 character that starts with `lead`.
std::size_t utf8_length(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

}  // namespace

std::string fit_text(const Canvas& canvas, Font font, std::string_view text, float max_width) {
  if (text.empty() || max_width <= 0) return {};
  if (canvas.text_width(font, text) <= max_width) return std::string(text);
  constexpr std::string_view kDots = "...";
  const float room = max_width - canvas.text_width(font, kDots);
  if (room < 0) return {};
  // Whole characters only; text widths grow with the prefix, so bisect on character ends.
  std::vector<std::size_t> ends;
  for (std::size_t i = 0; i < text.size();) {
    i += utf8_length(static_cast<unsigned char>(text[i]));
    ends.push_back(std::min(i, text.size()));
  }
  std::size_t lo = 0, hi = ends.size();  // answer: the number of characters that fit
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    if (canvas.text_width(font, text.substr(0, ends[mid - 1])) <= room) lo = mid;
    else hi = mid - 1;
  }
  if (lo == 0) return {};
  return std::string(text.substr(0, ends[lo - 1])) + std::string(kDots);
}

}  // namespace loopscope::timeline
