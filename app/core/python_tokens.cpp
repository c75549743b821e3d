#include "core/python_tokens.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace loopscope {
namespace {

constexpr std::array<std::string_view, 35> kKeywords = {
    "False", "None",   "True",  "and",   "as",    "assert",   "async",  "await", "break",
    "class", "continue", "def", "del",   "elif",  "else",     "except", "finally", "for",
    "from",  "global", "if",    "import", "in",   "is",       "lambda", "nonlocal", "not",
    "or",    "pass",   "raise", "return", "try",  "while",    "with",   "yield"};

constexpr std::array<std::string_view, 48> kBuiltins = {
    "print", "len", "range", "iter", "next", "aiter", "anext", "list", "dict", "set", "tuple",
    "str", "int", "float", "bool", "bytes", "open", "sum", "min", "max", "sorted", "enumerate",
    "zip", "map", "filter", "isinstance", "super", "repr", "type", "object", "any", "all",
    "abs", "round", "hash", "id", "input", "getattr", "setattr", "hasattr", "property",
    "staticmethod", "classmethod", "Exception", "StopIteration", "StopAsyncIteration",
    "ValueError", "RuntimeError"};

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }
bool is_ident_char(char c) { return is_ident_start(c) || std::isdigit(static_cast<unsigned char>(c)); }

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Length of a string prefix (r, b, f, u, rb, br, fr, rf in any case) at `i` directly followed
// by a quote; 0 when there is none.
int string_prefix_length(std::string_view line, std::size_t i) {
  std::size_t n = 0;
  while (n < 2 && i + n < line.size() && std::string_view("rRbBfFuU").find(line[i + n]) != std::string_view::npos) ++n;
  if (n == 0) return 0;
  if (i + n < line.size() && (line[i + n] == '"' || line[i + n] == '\'')) return static_cast<int>(n);
  return 0;
}

struct LineScanner {
  std::string_view line;
  std::vector<Token>& out;
  std::string& open_triple;  // the triple quote a string left open at the end of a previous line
  bool expect_def_name = false;

  void add(std::size_t b, std::size_t e, TokenKind kind) {
    if (e > b) out.push_back({static_cast<int>(b), static_cast<int>(e), kind});
  }

  // Scans a string body from `i` (just after the opening quote); returns the end offset.
  std::size_t scan_string_body(std::size_t i, std::string_view quote) {
    while (i < line.size()) {
      if (line[i] == '\\') { i += 2; continue; }
      if (line.substr(i, quote.size()) == quote) return i + quote.size();
      ++i;
    }
    if (quote.size() == 3) open_triple = std::string(quote);  // continues on the next line
    return line.size();
  }

  void scan() {
    std::size_t i = 0;
    if (!open_triple.empty()) {
      const std::string quote = open_triple;
      open_triple.clear();
      const std::size_t end = scan_string_body(0, quote);
      add(0, end, TokenKind::String);
      i = end;
    }
    while (i < line.size()) {
      const char c = line[i];
      if (c == '#') { add(i, line.size(), TokenKind::Comment); return; }
      if (c == '@' && line.substr(0, i).find_first_not_of(" \t") == std::string_view::npos) {
        std::size_t e = i + 1;
        while (e < line.size() && (is_ident_char(line[e]) || line[e] == '.')) ++e;
        add(i, e, TokenKind::Decorator);
        i = e;
        continue;
      }
      const int prefix = (c == '"' || c == '\'') ? 0 : string_prefix_length(line, i);
      if (c == '"' || c == '\'' || prefix > 0) {
        const std::size_t q = i + static_cast<std::size_t>(prefix);
        const bool triple = line.substr(q, 3) == std::string(3, line[q]);
        const std::string quote(triple ? 3 : 1, line[q]);
        const std::size_t end = scan_string_body(q + quote.size(), quote);
        add(i, end, TokenKind::String);
        i = end;
        continue;
      }
      if (std::isdigit(static_cast<unsigned char>(c)) ||
          (c == '.' && i + 1 < line.size() && std::isdigit(static_cast<unsigned char>(line[i + 1])))) {
        std::size_t e = i + 1;
        while (e < line.size() && (std::isalnum(static_cast<unsigned char>(line[e])) || line[e] == '_' || line[e] == '.' ||
                                   ((line[e] == '+' || line[e] == '-') && (line[e - 1] == 'e' || line[e - 1] == 'E')))) {
          ++e;
        }
        add(i, e, TokenKind::Number);
        i = e;
        continue;
      }
      if (is_ident_start(c)) {
        std::size_t e = i + 1;
        while (e < line.size() && is_ident_char(line[e])) ++e;
        classify_word(i, e);
        i = e;
        continue;
      }
      ++i;
    }
  }

  void classify_word(std::size_t b, std::size_t e) {
    const std::string_view word = line.substr(b, e - b);
    // An attribute (x.print) is never a builtin or keyword.
    const bool after_dot = b > 0 && line[b - 1] == '.';
    if (expect_def_name) {
      expect_def_name = false;
      add(b, e, TokenKind::DefName);
      return;
    }
    if (!after_dot && contains(kKeywords, word)) {
      add(b, e, TokenKind::Keyword);
      expect_def_name = word == "def" || word == "class";
      return;
    }
    if (!after_dot && (word == "self" || word == "cls")) { add(b, e, TokenKind::Self); return; }
    if (!after_dot && contains(kBuiltins, word)) add(b, e, TokenKind::Builtin);
  }
};

}  // namespace

std::vector<std::string_view> split_lines(std::string_view source) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < source.size()) {
    std::size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) nl = source.size();
    std::string_view line = source.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = nl + 1;
  }
  return lines;
}

std::vector<std::vector<Token>> tokenize_python(std::string_view source) {
  const auto lines = split_lines(source);
  std::vector<std::vector<Token>> result(lines.size());
  std::string open_triple;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    LineScanner scanner{lines[i], result[i], open_triple};
    scanner.scan();
  }
  return result;
}

const char* token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::Text: return "text";
    case TokenKind::Keyword: return "keyword";
    case TokenKind::Builtin: return "builtin";
    case TokenKind::String: return "string";
    case TokenKind::Number: return "number";
    case TokenKind::Comment: return "comment";
    case TokenKind::Decorator: return "decorator";
    case TokenKind::DefName: return "defname";
    case TokenKind::Self: return "self";
  }
  return "?";
}

}  // namespace loopscope
