#include <catch2/catch.hpp>

#include <string>

#include "core/python_tokens.h"

using namespace loopscope;

namespace {

// "kind:text" for every coloured token of line `n`.
std::vector<std::string> describe(std::string_view source, std::size_t n) {
  const auto lines = split_lines(source);
  const auto tokens = tokenize_python(source);
  std::vector<std::string> out;
  for (const Token& t : tokens.at(n)) {
    out.push_back(std::string(token_kind_name(t.kind)) + ":" +
                  std::string(lines[n].substr(static_cast<std::size_t>(t.begin), static_cast<std::size_t>(t.end - t.begin))));
  }
  return out;
}

}  // namespace

TEST_CASE("keywords, def names, builtins and numbers are told apart") {
  const auto t = describe("async def worker(n=10):\n", 0);
  REQUIRE(t == std::vector<std::string>{"keyword:async", "keyword:def", "defname:worker", "number:10"});
  REQUIRE(describe("    print(len(x), 0x1f, 1.5e-3)", 0) ==
          std::vector<std::string>{"builtin:print", "builtin:len", "number:0x1f", "number:1.5e-3"});
}

TEST_CASE("an attribute named like a builtin or keyword is plain text") {
  REQUIRE(describe("obj.print(self.next)", 0) == std::vector<std::string>{"self:self"});
}

TEST_CASE("strings with prefixes and comments") {
  REQUIRE(describe("x = f\"total {t:.2f}\"  # done", 0) == std::vector<std::string>{"string:f\"total {t:.2f}\"", "comment:# done"});
  REQUIRE(describe("s = 'it\\'s # not a comment'", 0) == std::vector<std::string>{"string:'it\\'s # not a comment'"});
}

TEST_CASE("triple-quoted strings continue over lines") {
  const std::string src = "doc = \"\"\"first\nsecond # inside\nthird\"\"\" + x\nawait y\n";
  REQUIRE(describe(src, 0) == std::vector<std::string>{"string:\"\"\"first"});
  REQUIRE(describe(src, 1) == std::vector<std::string>{"string:second # inside"});
  REQUIRE(describe(src, 2) == std::vector<std::string>{"string:third\"\"\""});
  REQUIRE(describe(src, 3) == std::vector<std::string>{"keyword:await"});
}

TEST_CASE("decorators only at the start of a line") {
  REQUIRE(describe("@functools.cache", 0) == std::vector<std::string>{"decorator:@functools.cache"});
  REQUIRE(describe("a @ b", 0).empty());
}

TEST_CASE("split_lines drops line breaks, including CRLF") {
  const auto lines = split_lines("a\r\nb\n\nc");
  REQUIRE(lines.size() == 4);
  REQUIRE(lines[0] == "a");
  REQUIRE(lines[2].empty());
  REQUIRE(lines[3] == "c");
}
