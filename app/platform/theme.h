// The ImGui style built from a theme file (core/theme.h: dark, light, projector in
// assets/themes). The style is rebuilt from scratch on every change (theme or scale), so sizes
// never drift.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "core/theme.h"

namespace loopscope::platform {

// The shipped themes, read once (the first call); problems reading them are kept for the UI to
// show (theme_problems()). Never empty: without theme files there is a grey fallback.
const std::vector<Theme>& themes();
const std::vector<std::string>& theme_problems();

// Applies the theme called `id` (else the first one) at `scale`.
void apply_theme(const std::string& id, float scale);
// The theme in use: every panel draws with its colours.
const Theme& theme();

// The panels' historical name for the theme's colours.
using Palette = Theme;
inline const Palette& palette() { return theme(); }

}  // namespace loopscope::platform
