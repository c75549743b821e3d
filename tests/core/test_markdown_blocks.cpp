#include <catch2/catch.hpp>

#include "core/markdown_blocks.h"

using namespace loopscope;

TEST_CASE("headings, paragraphs and soft breaks") {
  const auto blocks = parse_markdown("# Title\n\nFirst line\nsame paragraph.\n\n## Next\n");
  REQUIRE(blocks.size() == 3);
  REQUIRE(blocks[0].kind == BlockKind::Heading);
  REQUIRE(blocks[0].level == 1);
  REQUIRE(plain_text(blocks[0]) == "Title");
  REQUIRE(blocks[1].kind == BlockKind::Paragraph);
  REQUIRE(plain_text(blocks[1]) == "First line same paragraph.");
  REQUIRE(blocks[2].level == 2);
}

TEST_CASE("inline styles become separate runs") {
  const auto blocks = parse_markdown("Call **`next()`** on *it* or see [docs](https://docs.python.org).");
  REQUIRE(blocks.size() == 1);
  const auto& runs = blocks[0].runs;
  bool bold_code = false, italic = false, link = false;
  for (const TextRun& r : runs) {
    if (r.text == "next()" && (r.style & kRunBold) && (r.style & kRunCode)) bold_code = true;
    if (r.text == "it" && r.style == kRunItalic) italic = true;
    if (r.text == "docs" && (r.style & kRunLink) && r.href == "https://docs.python.org") link = true;
  }
  REQUIRE(bold_code);
  REQUIRE(italic);
  REQUIRE(link);
}

TEST_CASE("lists keep their numbers and nesting") {
  const auto blocks = parse_markdown("3. three\n4. four\n   - inner\n");
  REQUIRE(blocks.size() == 3);
  REQUIRE(blocks[0].kind == BlockKind::ListItem);
  REQUIRE(blocks[0].ordered);
  REQUIRE(blocks[0].number == 3);
  REQUIRE(blocks[1].number == 4);
  REQUIRE(blocks[2].level == 2);
  REQUIRE_FALSE(blocks[2].ordered);
  REQUIRE(plain_text(blocks[2]) == "inner");
}

TEST_CASE("fenced code blocks keep their text and language") {
  const auto blocks = parse_markdown("Before\n\n```python\nawait x\nprint(1)\n```\n");
  REQUIRE(blocks.size() == 2);
  REQUIRE(blocks[1].kind == BlockKind::CodeBlock);
  REQUIRE(blocks[1].lang == "python");
  REQUIRE(blocks[1].code == "await x\nprint(1)");
}

TEST_CASE("entities are decoded and quotes kept apart") {
  const auto blocks = parse_markdown("a &amp; b\n\n> quoted\n");
  REQUIRE(plain_text(blocks[0]) == "a & b");
  REQUIRE(blocks[1].kind == BlockKind::Quote);
}
