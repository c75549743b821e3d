// The theme's colour for each kind of Python token (code pane and code blocks in lesson text).
#pragma once

#include <imgui.h>

#include "core/python_tokens.h"

namespace loopscope::ui {

ImU32 token_color(TokenKind kind);

}  // namespace loopscope::ui
