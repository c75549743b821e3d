// Lesson Markdown (md4c, CommonMark) turned into a flat list of blocks of styled text runs,
// which markdown_view draws with word wrapping. Kept apart from drawing so it is tested headless.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope {

enum RunStyle : std::uint8_t { kRunBold = 1, kRunItalic = 2, kRunCode = 4, kRunLink = 8 };

struct TextRun {
  std::string text;
  std::uint8_t style = 0;  // RunStyle bits
  std::string href;        // links only
};

enum class BlockKind { Paragraph, Heading, CodeBlock, ListItem, Quote, Rule };

struct MdBlock {
  BlockKind kind = BlockKind::Paragraph;
  int level = 0;           // heading level 1-6; list nesting depth (1 = top) for list items
  bool ordered = false;    // list item of a numbered list
  int number = 0;          // its number
  std::vector<TextRun> runs;
  std::string code;        // code block text (no trailing newline)
  std::string lang;        // code block info string ("python")
};

std::vector<MdBlock> parse_markdown(std::string_view markdown);

// All the text of a block's runs, concatenated (tests, search).
std::string plain_text(const MdBlock& block);

}  // namespace loopscope
