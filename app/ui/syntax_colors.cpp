#include "ui/syntax_colors.h"

#include <algorithm>

#include "platform/theme.h"

namespace loopscope::ui {

ImU32 token_color(TokenKind kind) {
  const auto& p = platform::palette();
  switch (kind) {
    case TokenKind::Keyword: return p.syn_keyword;
    case TokenKind::Builtin: return p.syn_builtin;
    case TokenKind::String: return p.syn_string;
    case TokenKind::Number: return p.syn_number;
    case TokenKind::Comment: return p.syn_comment;
    case TokenKind::Decorator: return p.syn_decorator;
    case TokenKind::DefName: return p.syn_def_name;
    case TokenKind::Self: return p.syn_self;
    case TokenKind::Text: break;
  }
  return p.text;
}

}  // namespace loopscope::ui

namespace loopscope::ui {

float draw_code_line(ImDrawList* draw, ImFont* font, ImVec2 pos, std::string_view line, const std::vector<Token>& tokens) {
  const ImU32 plain = platform::palette().text;
  float x = pos.x;
  int at = 0;
  auto emit = [&](int b, int e, ImU32 color) {
    if (e <= b) return;
    const char* pb = line.data() + b;
    const char* pe = line.data() + e;
    draw->AddText(font, font->FontSize, ImVec2(x, pos.y), color, pb, pe);
    x += font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, pb, pe).x;
  };
  const int size = static_cast<int>(line.size());
  for (const Token& tok : tokens) {
    if (tok.begin >= size) break;
    emit(at, tok.begin, plain);
    emit(tok.begin, std::min(tok.end, size), token_color(tok.kind));
    at = std::min(tok.end, size);
  }
  emit(at, size, plain);
  return x;
}

}  // namespace loopscope::ui
