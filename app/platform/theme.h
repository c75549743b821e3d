// Colour themes: a calm dark theme for screens and a high-contrast light theme for projectors.
// The ImGui style is rebuilt from scratch on every change (theme or scale), so sizes never drift.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

namespace loopscope::platform {

enum class ThemeKind { Dark, Light };

ThemeKind theme_from_name(std::string_view name);  // "light" -> Light, anything else -> Dark
const char* theme_name(ThemeKind kind);

// Colours the panels draw with, beyond ImGui's own style colours.
struct Palette {
  ImU32 text, text_dim, text_faint;
  ImU32 accent, accent_soft;          // selection, links, current line
  ImU32 code_bg, gutter_bg, inline_code_bg, border;
  ImU32 ok, warn, error, error_soft;
  // Python syntax
  ImU32 syn_keyword, syn_builtin, syn_string, syn_number, syn_comment, syn_decorator, syn_def_name, syn_self;
  // Lanes: main, loop, worker threads, generators, then a cycle of task hues
  ImU32 lane_main, lane_loop, lane_thread, lane_gen;
  ImU32 task_hues[8];
};

void apply_theme(ThemeKind kind, float scale);
ThemeKind current_theme();
const Palette& palette();

// A task lane's colour: the `index`-th task hue.
inline ImU32 task_hue(int index) { return palette().task_hues[(index < 0 ? 0 : index) % 8]; }

}  // namespace loopscope::platform
