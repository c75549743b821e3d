#include "platform/fonts.h"

#include <imgui.h>
#include <imgui_freetype.h>
#include <backends/imgui_impl_opengl3.h>

namespace loopscope::platform {
namespace {

Fonts g_fonts;

// Latin text plus the symbols the panels use: arrows, bullets, check marks, ellipsis.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x024F,  // Basic Latin, Latin-1, Latin Extended
    0x0370, 0x03FF,  // Greek (lesson text: Δt, µs)
    0x2010, 0x205E,  // punctuation: dashes, quotes, bullet, ellipsis
    0x2190, 0x21FF,  // arrows
    0x2200, 0x22FF,  // maths (≤ ≥ ×)
    0x2500, 0x25FF,  // box drawing, geometric shapes (▶ ● ■)
    0x2700, 0x27BF,  // dingbats (✓ ✗)
    0,
};

// Adds `file_name` at `px`, then merges the mono font in for symbols the first one lacks.
ImFont* add_font(const std::string& file_name, float px, bool* missing) {
  ImGuiIO& io = ImGui::GetIO();
  const std::string path = find_font_file(file_name);
  ImFontConfig config;
  config.OversampleH = 1;
  config.OversampleV = 1;
  config.PixelSnapH = true;
  config.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  ImFont* font = nullptr;
  if (!path.empty()) font = io.Fonts->AddFontFromFileTTF(path.c_str(), px, &config, kGlyphRanges);
  if (!font) {
    *missing = true;
    ImFontConfig fallback;
    fallback.SizePixels = px;
    return io.Fonts->AddFontDefault(&fallback);
  }
  const std::string symbols = find_font_file(kMonoFontFile);
  if (!symbols.empty() && file_name.rfind("JetBrainsMono", 0) != 0) {
    ImFontConfig merge = config;
    merge.MergeMode = true;
    io.Fonts->AddFontFromFileTTF(symbols.c_str(), px, &merge, kGlyphRanges);
  }
  return font;
}

}  // namespace

void build_fonts(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  bool missing = false;
  g_fonts.ui = add_font(kLabelFontFile, kUiFontPx * scale, &missing);
  g_fonts.bold = add_font(kBoldFontFile, kUiFontPx * scale, &missing);
  g_fonts.italic = add_font(kItalicFontFile, kUiFontPx * scale, &missing);
  g_fonts.heading = add_font(kHeadingFontFile, kHeadingFontPx * scale, &missing);
  g_fonts.small = add_font(kSmallFontFile, kSmallFontPx * scale, &missing);
  g_fonts.mono = add_font(kMonoFontFile, kMonoFontPx * scale, &missing);
  g_fonts.mono_bold = add_font(kMonoBoldFontFile, kMonoFontPx * scale, &missing);
  io.FontDefault = g_fonts.ui;
  io.Fonts->Build();
  g_fonts.scale = scale;
  g_fonts.note = missing ? "Inter or JetBrains Mono not found (Debian: fonts-inter, fonts-jetbrains-mono); "
                           "using ImGui's built-in font"
                         : "";
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

const Fonts& fonts() { return g_fonts; }

}  // namespace loopscope::platform
