// A small Python tokenizer for syntax colouring: keywords, builtins, strings (with prefixes and
// triple quotes across lines), numbers, comments, decorators and the names after def/class.
// Not a parser: good enough to colour lesson code, never fails on broken code.
#pragma once

#include <string_view>
#include <vector>

namespace loopscope {

enum class TokenKind { Text, Keyword, Builtin, String, Number, Comment, Decorator, DefName, Self };

struct Token {
  int begin = 0, end = 0;  // byte offsets within the line
  TokenKind kind = TokenKind::Text;
};

// The source's lines without their line breaks ("a\nb\n" -> {"a", "b"}).
std::vector<std::string_view> split_lines(std::string_view source);
// Coloured tokens of every line (only the non-Text ones; gaps are plain text).
std::vector<std::vector<Token>> tokenize_python(std::string_view source);

const char* token_kind_name(TokenKind kind);  // for tests and debugging

}  // namespace loopscope
