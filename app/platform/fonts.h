// The fonts of the UI: Inter for text, JetBrains Mono for code, rasterised by FreeType at the
// exact pixel size of the current UI scale (rebuilt on a scale change, never stretched).
#pragma once

#include <string>

#include "core/font_files.h"

struct ImFont;

namespace loopscope::platform {

struct Fonts {
  ImFont* ui = nullptr;        // body text
  ImFont* bold = nullptr;
  ImFont* italic = nullptr;
  ImFont* heading = nullptr;   // lesson titles and headings
  ImFont* small = nullptr;     // gutter counts, axis labels
  ImFont* mono = nullptr;      // code, console, inline code
  ImFont* mono_bold = nullptr;
  float scale = 1.0f;
  std::string note;            // set when a font was missing and ImGui's default stands in
};

// The font files and pixel sizes (at scale 1.0) are in core/font_files.h.
using loopscope::kHeadingFontPx;
using loopscope::kMonoFontPx;
using loopscope::kSmallFontPx;
using loopscope::kUiFontPx;

// (Re)builds the font atlas for `scale` and uploads it. Call between frames only.
void build_fonts(float scale);
const Fonts& fonts();

}  // namespace loopscope::platform
