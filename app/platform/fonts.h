// The fonts of the UI: Inter for text, JetBrains Mono for code, rasterised by FreeType at the
// exact pixel size of the current UI scale (rebuilt on a scale change, never stretched).
#pragma once

#include <string>
#include <vector>

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

// Pixel sizes at scale 1.0.
inline constexpr float kUiFontPx = 16.0f;
inline constexpr float kHeadingFontPx = 22.0f;
inline constexpr float kSmallFontPx = 13.0f;
inline constexpr float kMonoFontPx = 15.0f;

// The folders searched for font files, most specific first: $LOOPSCOPE_FONT_DIR,
// $XDG_DATA_HOME/fonts, ~/.local/share/fonts, ~/.fonts, /usr/local/share/fonts, /usr/share/fonts.
std::vector<std::string> font_search_dirs();
// The first file called `file_name` under one of `dirs` (searched recursively); empty if none.
std::string find_font_file(const std::string& file_name, const std::vector<std::string>& dirs);

// (Re)builds the font atlas for `scale` and uploads it. Call between frames only.
void build_fonts(float scale);
const Fonts& fonts();

}  // namespace loopscope::platform
