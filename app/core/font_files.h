// Where the fonts loopscope draws with live (Debian: fonts-inter, fonts-jetbrains-mono). Shared
// by the window (ImGui's atlas) and the exporters (text measured for SVG), so both use the same
// files.
#pragma once

#include <string>
#include <vector>

namespace loopscope {

// The folders searched, most specific first: $LOOPSCOPE_FONT_DIR, $XDG_DATA_HOME/fonts,
// ~/.local/share/fonts, ~/.fonts, /usr/local/share/fonts, /usr/share/fonts.
std::vector<std::string> font_search_dirs();
// The first file called `file_name` under one of `dirs` (searched recursively); empty if none.
std::string find_font_file(const std::string& file_name, const std::vector<std::string>& dirs);
// The same over font_search_dirs(), remembered per name.
std::string find_font_file(const std::string& file_name);

// The font files of each role.
inline constexpr const char* kLabelFontFile = "Inter-Regular.otf";
inline constexpr const char* kBoldFontFile = "Inter-SemiBold.otf";
inline constexpr const char* kItalicFontFile = "Inter-Italic.otf";
inline constexpr const char* kHeadingFontFile = "Inter-Bold.otf";
inline constexpr const char* kSmallFontFile = "Inter-Medium.otf";
inline constexpr const char* kMonoFontFile = "JetBrainsMono-Regular.ttf";
inline constexpr const char* kMonoBoldFontFile = "JetBrainsMono-Bold.ttf";

// Pixel sizes at UI scale 1.0.
inline constexpr float kUiFontPx = 16.0f;
inline constexpr float kHeadingFontPx = 22.0f;
inline constexpr float kSmallFontPx = 13.0f;
inline constexpr float kMonoFontPx = 15.0f;

}  // namespace loopscope
