#include "core/markdown_blocks.h"

#include <md4c.h>

namespace loopscope {
namespace {

struct ListLevel {
  bool ordered = false;
  int next_number = 1;
};

struct Builder {
  std::vector<MdBlock> blocks;
  std::vector<ListLevel> lists;
  int quote_depth = 0;
  bool in_block = false;       // a text block (paragraph, heading, item, code) is open
  bool item_has_text = false;  // the open list item already received its first paragraph
  std::uint8_t style = 0;
  std::vector<std::string> hrefs;

  MdBlock& open(BlockKind kind) {
    blocks.emplace_back();
    blocks.back().kind = kind;
    in_block = true;
    return blocks.back();
  }

  void append(std::string_view text, std::uint8_t run_style) {
    if (blocks.empty() || !in_block) open(quote_depth > 0 ? BlockKind::Quote : BlockKind::Paragraph);
    MdBlock& block = blocks.back();
    if (block.kind == BlockKind::CodeBlock) {
      block.code.append(text);
      return;
    }
    const std::string href = (run_style & kRunLink) && !hrefs.empty() ? hrefs.back() : std::string();
    if (!block.runs.empty() && block.runs.back().style == run_style && block.runs.back().href == href) {
      block.runs.back().text.append(text);
    } else {
      block.runs.push_back({std::string(text), run_style, href});
    }
  }

  void enter_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_H: open(BlockKind::Heading).level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level); break;
      case MD_BLOCK_CODE: {
        MdBlock& b = open(BlockKind::CodeBlock);
        const auto* d = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
        if (d && d->lang.text) b.lang.assign(d->lang.text, d->lang.size);
        break;
      }
      case MD_BLOCK_UL: lists.push_back({false, 1}); break;
      case MD_BLOCK_OL: lists.push_back({true, static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start)}); break;
      case MD_BLOCK_LI: {
        MdBlock& b = open(BlockKind::ListItem);
        b.level = static_cast<int>(lists.size());
        if (!lists.empty()) {
          b.ordered = lists.back().ordered;
          b.number = lists.back().next_number++;
        }
        item_has_text = false;
        break;
      }
      case MD_BLOCK_P:
        // The first paragraph of a (loose) list item is the item's own text.
        if (in_block && !blocks.empty() && blocks.back().kind == BlockKind::ListItem && !item_has_text) {
          item_has_text = true;
          break;
        }
        open(quote_depth > 0 ? BlockKind::Quote : BlockKind::Paragraph).level = static_cast<int>(lists.size());
        break;
      case MD_BLOCK_QUOTE: ++quote_depth; break;
      case MD_BLOCK_HR: open(BlockKind::Rule); in_block = false; break;
      case MD_BLOCK_TR:
        open(BlockKind::Paragraph);
        break;
      default: break;
    }
  }

  void leave_block(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        if (!lists.empty()) lists.pop_back();
        in_block = false;
        break;
      case MD_BLOCK_QUOTE: --quote_depth; in_block = false; break;
      case MD_BLOCK_CODE:
        if (!blocks.empty() && !blocks.back().code.empty() && blocks.back().code.back() == '\n') blocks.back().code.pop_back();
        in_block = false;
        break;
      case MD_BLOCK_TD:
      case MD_BLOCK_TH:
        append("   ", style);
        break;
      case MD_BLOCK_H:
      case MD_BLOCK_P:
      case MD_BLOCK_LI:
      case MD_BLOCK_TR:
        in_block = false;
        break;
      default: break;
    }
  }

  void text(MD_TEXTTYPE type, std::string_view t) {
    switch (type) {
      case MD_TEXT_SOFTBR: append(" ", style); break;
      case MD_TEXT_BR: append("\n", style); break;
      case MD_TEXT_ENTITY:
        if (t == "&amp;") append("&", style);
        else if (t == "&lt;") append("<", style);
        else if (t == "&gt;") append(">", style);
        else if (t == "&quot;") append("\"", style);
        else if (t == "&nbsp;") append(" ", style);
        else append(t, style);
        break;
      case MD_TEXT_NULLCHAR: break;
      default: append(t, style); break;
    }
  }
};

int on_enter_block(MD_BLOCKTYPE type, void* detail, void* user) {
  static_cast<Builder*>(user)->enter_block(type, detail);
  return 0;
}
int on_leave_block(MD_BLOCKTYPE type, void*, void* user) {
  static_cast<Builder*>(user)->leave_block(type);
  return 0;
}
int on_enter_span(MD_SPANTYPE type, void* detail, void* user) {
  auto* b = static_cast<Builder*>(user);
  switch (type) {
    case MD_SPAN_EM: b->style |= kRunItalic; break;
    case MD_SPAN_STRONG: b->style |= kRunBold; break;
    case MD_SPAN_CODE: b->style |= kRunCode; break;
    case MD_SPAN_A: {
      const auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
      b->hrefs.emplace_back(d->href.text ? std::string(d->href.text, d->href.size) : std::string());
      b->style |= kRunLink;
      break;
    }
    default: break;
  }
  return 0;
}
int on_leave_span(MD_SPANTYPE type, void*, void* user) {
  auto* b = static_cast<Builder*>(user);
  switch (type) {
    case MD_SPAN_EM: b->style &= static_cast<std::uint8_t>(~kRunItalic); break;
    case MD_SPAN_STRONG: b->style &= static_cast<std::uint8_t>(~kRunBold); break;
    case MD_SPAN_CODE: b->style &= static_cast<std::uint8_t>(~kRunCode); break;
    case MD_SPAN_A:
      if (!b->hrefs.empty()) b->hrefs.pop_back();
      if (b->hrefs.empty()) b->style &= static_cast<std::uint8_t>(~kRunLink);
      break;
    default: break;
  }
  return 0;
}
int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
  static_cast<Builder*>(user)->text(type, std::string_view(text, size));
  return 0;
}

}  // namespace

std::vector<MdBlock> parse_markdown(std::string_view markdown) {
  Builder builder;
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_NOHTML;
  parser.enter_block = on_enter_block;
  parser.leave_block = on_leave_block;
  parser.enter_span = on_enter_span;
  parser.leave_span = on_leave_span;
  parser.text = on_text;
  md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &builder);
  // Drop empty text blocks (a table row with no text, a list item holding only a sublist).
  std::vector<MdBlock> out;
  out.reserve(builder.blocks.size());
  for (MdBlock& b : builder.blocks) {
    const bool empty = b.kind != BlockKind::Rule && b.kind != BlockKind::CodeBlock && b.runs.empty();
    if (!empty || b.kind == BlockKind::ListItem) out.push_back(std::move(b));
  }
  return out;
}

std::string plain_text(const MdBlock& block) {
  if (block.kind == BlockKind::CodeBlock) return block.code;
  std::string text;
  for (const TextRun& run : block.runs) text += run.text;
  return text;
}

}  // namespace loopscope
