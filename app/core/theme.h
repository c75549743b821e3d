// A colour theme as data: every colour the app, the timeline and the exporters draw with comes
// from one theme file in assets/themes/ (dark, light, projector). Nothing else names a colour.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/color.h"

namespace loopscope {

struct Theme {
  std::string id;      // the file's stem: "dark", "light", "projector"
  std::string label;   // shown in the View menu: "Dark", "Projector (high contrast)"
  bool light = false;  // dark text on a light background

  // Surfaces, from the window background up to pressed controls.
  Rgba bg = 0, panel = 0, raised = 0, hover = 0, active = 0, border = 0;
  // Text: body, secondary, faint; and the two colours text takes on a filled bar.
  Rgba text = 0, text_dim = 0, text_faint = 0, text_on_dark = 0, text_on_light = 0;
  Rgba accent = 0, accent_soft = 0;  // selection, current line, links, playhead
  Rgba code_bg = 0, gutter_bg = 0, inline_code_bg = 0;
  Rgba ok = 0, warn = 0, error = 0, error_soft = 0;
  // Python syntax.
  Rgba syn_keyword = 0, syn_builtin = 0, syn_string = 0, syn_number = 0, syn_comment = 0, syn_decorator = 0,
       syn_def_name = 0, syn_self = 0;
  // Lanes: main, loop, worker threads, generators; tasks cycle through task_hues.
  Rgba lane_main = 0, lane_loop = 0, lane_thread = 0, lane_gen = 0;
  std::array<Rgba, 8> task_hues{};
  // The timeline's own tones.
  Rgba row_alt = 0;         // every other row
  Rgba grid = 0;            // grid lines through the rows
  Rgba idle = 0;            // the loop waiting in select
  Rgba stripes_on_red = 0;  // the stripes over a blocking call
  Rgba label_backdrop = 0;  // behind a label drawn over other shapes
  Rgba scroll_shade = 0;    // the fade that says more lanes are below

  Rgba task_hue(int index) const { return task_hues[static_cast<std::size_t>(index < 0 ? 0 : index) % task_hues.size()]; }
  // Black-ish or white-ish, whichever reads better on `background`.
  Rgba text_on(Rgba background) const { return luminance(background) > 0.55f ? text_on_light : text_on_dark; }
};

// Reads one theme file (TOML). Every colour key must be there: a missing or malformed one is an
// error naming it, so a theme can never silently draw something in a default colour.
bool load_theme_file(const std::string& path, Theme& theme, std::string* error);

// The themes in `dir` (every *.toml), ordered dark, light, projector, then the rest by name.
// Files that fail to load are skipped and named in `errors`.
std::vector<Theme> load_themes(const std::string& dir, std::vector<std::string>* errors);

// The shipped themes (assets/themes, found as data_paths.h says); `errors` lists what failed.
std::vector<Theme> load_shipped_themes(std::vector<std::string>* errors);
// The theme called `id` among `themes`, else the first one, else emergency_theme().
Theme pick_theme(const std::vector<Theme>& themes, const std::string& id);

// A theme for when no theme file could be read at all: plain grey tones, so the app still
// starts and can say what is missing.
Theme emergency_theme();

}  // namespace loopscope
