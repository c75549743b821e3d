#include <catch2/catch.hpp>

#include <string>

#include "core/edit_buffer.h"

using namespace loopscope;

namespace {

// Types `keys` one character at a time as the editor does; '\n' is Enter, '\t' is Tab.
void press(EditBuffer& b, std::string_view keys) {
  for (char c : keys) {
    if (c == '\n') b.newline();
    else if (c == '\t') b.tab();
    else b.type(std::string(1, c));
  }
}

}  // namespace

TEST_CASE("the text round-trips through lines, final line break included") {
  EditBuffer b("a\nb\n");
  REQUIRE(b.line_count() == 3);
  REQUIRE(b.text() == "a\nb\n");
  b.set_text("x\r\ny");
  REQUIRE(b.text() == "x\ny");
}

TEST_CASE("Tab inserts spaces to the next multiple of four") {
  EditBuffer b;
  b.tab();
  REQUIRE(b.text() == "    ");
  b.type("ab");
  b.tab();
  REQUIRE(b.text() == "    ab  ");
  REQUIRE(b.cursor() == TextPos{0, 8});
}

TEST_CASE("Enter keeps the indent, adds a level after ':' and drops one after return") {
  EditBuffer b;
  press(b, "async def main():\nx = 1\nif x:\nreturn x\ny = 2");
  REQUIRE(b.text() ==
          "async def main():\n"
          "    x = 1\n"
          "    if x:\n"
          "        return x\n"
          "    y = 2");
  // A ':' inside a trailing comment does not count; one at the end before a comment does.
  EditBuffer c;
  press(c, "x = 1  # note:\nfor i in r:  # loop\n");
  REQUIRE(c.text() == "x = 1  # note:\nfor i in r:  # loop\n    ");
}

TEST_CASE("Backspace in the indent goes back one level, elsewhere one character") {
  EditBuffer b;
  press(b, "if a:\n");
  REQUIRE(b.text() == "if a:\n    ");
  b.backspace();
  REQUIRE(b.text() == "if a:\n");
  b.type("éx");
  b.backspace();
  b.backspace();  // a two-byte character goes at once
  REQUIRE(b.text() == "if a:\n");
  b.backspace();  // joins the lines
  REQUIRE(b.text() == "if a:");
}

TEST_CASE("Tab and Shift+Tab on a selection indent and dedent whole lines") {
  EditBuffer b("a = 1\nb = 2\nc = 3");
  b.select({0, 2}, {1, 3});
  b.tab();
  REQUIRE(b.text() == "    a = 1\n    b = 2\nc = 3");
  REQUIRE(b.selection() == std::pair<TextPos, TextPos>{{0, 6}, {1, 7}});
  b.untab();
  REQUIRE(b.text() == "a = 1\nb = 2\nc = 3");
  b.undo();
  REQUIRE(b.text() == "    a = 1\n    b = 2\nc = 3");
}

TEST_CASE("undo and redo step through edits, typing merges word by word") {
  EditBuffer b;
  press(b, "print(x) done");
  REQUIRE(b.text() == "print(x) done");
  REQUIRE(b.undo());
  REQUIRE(b.text() == "print(x)");
  REQUIRE(b.undo());
  REQUIRE(b.text().empty());
  REQUIRE_FALSE(b.undo());
  REQUIRE(b.redo());
  REQUIRE(b.redo());
  REQUIRE(b.text() == "print(x) done");
  REQUIRE_FALSE(b.redo());
  b.undo();
  b.type("!");  // a new edit drops what could be redone
  REQUIRE_FALSE(b.can_redo());
  REQUIRE(b.text() == "print(x)!");
}

TEST_CASE("undo restores the selection that an edit replaced") {
  EditBuffer b("hello world");
  b.select({0, 6}, {0, 11});
  b.type("there");
  REQUIRE(b.text() == "hello there");
  b.undo();
  REQUIRE(b.text() == "hello world");
  REQUIRE(b.selected_text() == "world");
}

TEST_CASE("replace_all is one undoable step (Reset can be taken back)") {
  EditBuffer b("original\n");
  b.move_to_end(false);
  b.type("edit");
  b.replace_all("original\n");
  REQUIRE(b.text() == "original\n");
  b.undo();
  REQUIRE(b.text() == "original\nedit");
}

TEST_CASE("paste normalises line breaks and tabs, cut without a selection takes the line") {
  EditBuffer b("one\ntwo\nthree");
  b.set_cursor({1, 1});
  REQUIRE(b.cut() == "two\n");
  REQUIRE(b.text() == "one\nthree");
  b.set_cursor({0, 0});
  b.paste("\tx\r\ny\n");
  REQUIRE(b.text() == "    x\ny\none\nthree");
  b.select({0, 4}, {1, 1});
  REQUIRE(b.copy() == "x\ny");
}

TEST_CASE("moves respect words, UTF-8 and the wanted column") {
  EditBuffer b("    total = price_1 + 2\nab\nxyzéw");
  b.move_home(false);
  REQUIRE(b.cursor() == TextPos{0, 4});  // first non-blank
  b.move_home(false);
  REQUIRE(b.cursor() == TextPos{0, 0});
  b.move_home(false);
  b.move_right(false, true);
  REQUIRE(b.cursor() == TextPos{0, 10});  // after "total "
  b.move_right(false, true);
  REQUIRE(b.cursor() == TextPos{0, 12});  // after "= "
  b.move_left(false, true);
  REQUIRE(b.cursor() == TextPos{0, 10});
  b.set_cursor({2, 5});  // after "xyzé" (é is two bytes)
  b.move_left(false);
  REQUIRE(b.cursor() == TextPos{2, 3});
  b.set_cursor({0, 20});
  b.move_down(false);
  REQUIRE(b.cursor() == TextPos{1, 2});  // short line: its end
  b.move_down(false);
  REQUIRE(b.cursor() == TextPos{2, 6});  // back to character 20 if it fits: the end here
  b.move_down(false);
  REQUIRE(b.cursor() == TextPos{2, 6});
  b.set_cursor({1, 1});
  b.move_down(true);
  REQUIRE(b.selected_text() == "b\nx");
  b.move_left(false);  // collapses the selection to its start
  REQUIRE(b.cursor() == TextPos{1, 1});
  REQUIRE_FALSE(b.has_selection());
}

TEST_CASE("find selects the next match, wraps, and goes backwards") {
  EditBuffer b("await sleep(1)\nprint('Sleep')\nawait asyncio.sleep(2)\n");
  REQUIRE(b.count_matches("sleep") == 3);
  REQUIRE(b.find_next("sleep"));
  REQUIRE(b.selection().first == TextPos{0, 6});
  REQUIRE(b.find_next("sleep"));
  REQUIRE(b.selection().first == TextPos{1, 7});  // either case
  REQUIRE(b.find_next("sleep"));
  REQUIRE(b.selection().first == TextPos{2, 14});
  REQUIRE(b.find_next("sleep"));
  REQUIRE(b.selection().first == TextPos{0, 6});  // wrapped
  REQUIRE(b.find_next("sleep", true));
  REQUIRE(b.selection().first == TextPos{2, 14});
  REQUIRE_FALSE(b.find_next("missing"));
  REQUIRE(b.matches_in_line(2, "A") == std::vector<int>{0, 2, 6});  // "await asyncio"
}

TEST_CASE("the marked line follows lines added and removed above it") {
  EditBuffer b("a\nb\nbad line\nc");
  b.set_marked_line(2);
  b.set_cursor({0, 1});
  b.newline();
  REQUIRE(b.marked_line() == 3);
  b.set_cursor({3, 0});
  b.newline();  // Enter at the start of the marked line pushes its text down
  REQUIRE(b.marked_line() == 4);
  REQUIRE(b.lines()[4] == "bad line");
  b.set_cursor({4, 3});
  b.type("!");  // edits on the line keep it
  REQUIRE(b.marked_line() == 4);
  b.select({0, 0}, {2, 0});
  b.backspace();
  REQUIRE(b.marked_line() == 2);
  REQUIRE(b.lines()[2] == "bad! line");
  b.undo();
  b.set_cursor({5, 1});  // below: nothing moves
  b.newline();
  REQUIRE(b.lines()[b.marked_line()] == "bad! line");
}

TEST_CASE("the version changes with every edit and undo, not with moves") {
  EditBuffer b("x");
  const auto v0 = b.version();
  b.move_end(false);
  REQUIRE(b.version() == v0);
  b.type("y");
  REQUIRE(b.version() > v0);
  const auto v1 = b.version();
  b.undo();
  REQUIRE(b.version() > v1);
}
