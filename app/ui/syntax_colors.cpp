#include "ui/syntax_colors.h"

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
