// Draws parsed Markdown blocks into the current window with word wrapping: headings, styled
// runs (bold, italic, inline code, links), lists, quotes and syntax-coloured code blocks.
#pragma once

#include <string_view>
#include <vector>

#include "core/markdown_blocks.h"

namespace loopscope::ui {

struct MarkdownView {
  void Draw(const std::vector<MdBlock>& blocks);
};

// Draws `code` as Python with syntax colours (used by code blocks); returns its height.
float DrawCodeLines(std::string_view code, float left, float top);

}  // namespace loopscope::ui
