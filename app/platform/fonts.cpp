#include "platform/fonts.h"

#include <imgui.h>
#include <imgui_freetype.h>
#include <backends/imgui_impl_opengl3.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <system_error>

namespace loopscope::platform {
namespace {

namespace fs = std::filesystem;

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

std::string find_cached(const std::string& file_name) {
  static std::map<std::string, std::string> cache;
  auto it = cache.find(file_name);
  if (it != cache.end()) return it->second;
  std::string path = find_font_file(file_name, font_search_dirs());
  cache.emplace(file_name, path);
  return path;
}

// Adds `file_name` at `px`, then merges the mono font in for symbols the first one lacks.
ImFont* add_font(const std::string& file_name, float px, bool* missing) {
  ImGuiIO& io = ImGui::GetIO();
  const std::string path = find_cached(file_name);
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
  const std::string symbols = find_cached("JetBrainsMono-Regular.ttf");
  if (!symbols.empty() && file_name.rfind("JetBrainsMono", 0) != 0) {
    ImFontConfig merge = config;
    merge.MergeMode = true;
    io.Fonts->AddFontFromFileTTF(symbols.c_str(), px, &merge, kGlyphRanges);
  }
  return font;
}

}  // namespace

std::vector<std::string> font_search_dirs() {
  std::vector<std::string> dirs;
  auto add_env = [&](const char* var, const char* suffix) {
    const char* value = std::getenv(var);
    if (value && *value) dirs.push_back(std::string(value) + suffix);
  };
  add_env("LOOPSCOPE_FONT_DIR", "");
  add_env("XDG_DATA_HOME", "/fonts");
  add_env("HOME", "/.local/share/fonts");
  add_env("HOME", "/.fonts");
  dirs.emplace_back("/usr/local/share/fonts");
  dirs.emplace_back("/usr/share/fonts");
  return dirs;
}

std::string find_font_file(const std::string& file_name, const std::vector<std::string>& dirs) {
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->path().filename() == file_name) return it->path().string();
    }
  }
  return {};
}

void build_fonts(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  bool missing = false;
  g_fonts.ui = add_font("Inter-Regular.otf", kUiFontPx * scale, &missing);
  g_fonts.bold = add_font("Inter-SemiBold.otf", kUiFontPx * scale, &missing);
  g_fonts.italic = add_font("Inter-Italic.otf", kUiFontPx * scale, &missing);
  g_fonts.heading = add_font("Inter-Bold.otf", kHeadingFontPx * scale, &missing);
  g_fonts.small = add_font("Inter-Medium.otf", kSmallFontPx * scale, &missing);
  g_fonts.mono = add_font("JetBrainsMono-Regular.ttf", kMonoFontPx * scale, &missing);
  g_fonts.mono_bold = add_font("JetBrainsMono-Bold.ttf", kMonoFontPx * scale, &missing);
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
