// The theme's colour for each kind of Python token (code pane and code blocks in lesson text),
// and one painter of a coloured code line shared by the read-only view and the editor.
#pragma once

#include <imgui.h>

#include <string_view>
#include <vector>

#include "core/python_tokens.h"

namespace loopscope::ui {

ImU32 token_color(TokenKind kind);

// Draws `line` at `pos` in `font`, coloured by `tokens` (gaps in the theme's text colour).
// Returns the x where the line ends.
float draw_code_line(ImDrawList* draw, ImFont* font, ImVec2 pos, std::string_view line, const std::vector<Token>& tokens);

}  // namespace loopscope::ui
