// The timeline's sizes, derived once from the font sizes of the output (screen at any UI scale,
// an SVG, a video frame): row heights, the header column, marker sizes. Nothing else in the
// timeline hard-codes a size.
#pragma once

#include <algorithm>
#include <cmath>

namespace loopscope::timeline {

struct TimelineStyle {
  float font = 16;        // the label font's pixel size
  float small = 13;       // the small font's
  float lane_h = 37;      // a task, loop, thread or main row
  float gen_h = 30;       // a generator or iterator row
  float group_h = 24;     // a group header row ("generators (3)")
  float ruler_h = 25;
  float header_w = 176;   // the lane names column
  float marker_r = 5;     // radius of instant markers
  float gap = 6;          // between the header column and the time strip

  // `tall`: the presenter layout's taller lanes.
  static TimelineStyle for_fonts(float font_px, float small_px, float canvas_width, bool tall = false) {
    TimelineStyle s;
    s.font = font_px;
    s.small = small_px;
    const float k = tall ? 1.25f : 1.0f;
    s.lane_h = std::round(font_px * 2.5f * k);
    s.gen_h = std::round(font_px * 1.9f * k);
    s.group_h = std::round(font_px * 1.5f);
    s.ruler_h = std::round(small_px + 12.0f);
    s.header_w = std::clamp(font_px * 11.0f, std::min(130.0f, canvas_width * 0.3f), std::max(canvas_width * 0.3f, 1.0f));
    s.marker_r = std::max(4.0f, font_px * 0.32f);
    s.gap = std::round(font_px * 0.4f);
    return s;
  }
};

}  // namespace loopscope::timeline
