// The code editor's text model: lines, a cursor with a selection, undo and redo, typing as a
// Python learner expects (Tab as four spaces, indent after ':', Backspace through an indent
// level), find, and one marked line that follows edits (the error of the last run).
// No ImGui here: ui/code_editor maps keys and mouse onto these operations and draws.
//
// Positions are 0-based lines and byte columns in a line; every operation keeps the cursor
// on a UTF-8 character boundary.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loopscope {

struct TextPos {
  int line = 0;
  int col = 0;  // byte offset within the line
  auto operator<=>(const TextPos&) const = default;
};

class EditBuffer {
 public:
  static constexpr int kIndent = 4;

  explicit EditBuffer(std::string_view text = {});

  // Replaces everything and forgets the undo history (a newly opened program).
  void set_text(std::string_view text);
  // Replaces everything as one undoable step (Reset to the original).
  void replace_all(std::string_view text);
  std::string text() const;
  const std::vector<std::string>& lines() const { return lines_; }
  int line_count() const { return static_cast<int>(lines_.size()); }
  // Grows by one with every change of the text (callers cache tokens per version).
  std::uint64_t version() const { return version_; }

  // Cursor and selection (the selection runs from the anchor to the cursor).
  TextPos cursor() const { return cursor_; }
  bool has_selection() const { return anchor_ != cursor_; }
  std::pair<TextPos, TextPos> selection() const;  // ordered; empty when both are the cursor
  std::string selected_text() const;
  void set_cursor(TextPos pos, bool extend = false);
  void select(TextPos from, TextPos to);
  void select_all();
  void select_word_at(TextPos pos);
  TextPos clamp(TextPos pos) const;

  // Cursor moves; `extend` keeps the anchor (Shift held).
  void move_left(bool extend, bool by_word = false);
  void move_right(bool extend, bool by_word = false);
  void move_up(bool extend, int count = 1);
  void move_down(bool extend, int count = 1);
  void move_home(bool extend);  // first non-blank character, then column 0
  void move_end(bool extend);
  void move_to_start(bool extend);
  void move_to_end(bool extend);

  // Editing. Each is one undo step, except that consecutive typed characters of one word merge.
  void type(std::string_view chars);
  void paste(std::string_view text);
  void newline();        // keeps the indent; one level more after ':', one less after return/pass/…
  void tab();            // spaces to the next multiple of four, or indents the selected lines
  void untab();          // one level less on the cursor's or the selected lines
  void backspace();      // in leading blanks: back to the previous multiple of four
  void delete_forward();
  std::string cut();     // the selection (or the cursor's line when nothing is selected)
  std::string copy() const;  // the same text, without removing it

  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  bool undo();
  bool redo();

  // Selects the next match of `query` after the cursor (before it when `backwards`), wrapping
  // around; ASCII letters match either case. False when there is none.
  bool find_next(std::string_view query, bool backwards = false);
  // Byte columns where `query` starts in `line` (for highlighting every match).
  std::vector<int> matches_in_line(int line, std::string_view query) const;
  int count_matches(std::string_view query) const;

  // One marked line (0-based, -1 none) that moves with lines inserted or removed above it.
  void set_marked_line(int line) { marked_line_ = line; }
  int marked_line() const { return marked_line_; }

 private:
  struct Change {
    TextPos start;
    std::string removed, inserted;
    TextPos cursor_before, anchor_before;
    bool typing = false;  // a typed character: the next one may join this step
  };
  // The one primitive every edit goes through: replaces [from, to) by `text`, returns where the
  // inserted text ends. Moves the marked line; no undo record.
  TextPos splice(TextPos from, TextPos to, std::string_view text);
  // Replaces [from, to) by `text` as an undo step and puts the cursor after it.
  void edit(TextPos from, TextPos to, std::string_view text, bool typing = false);
  // Replaces whole lines [first, last] by `new_lines` (block indent), keeping the selection on them.
  void edit_lines(int first, int last, const std::vector<std::string>& new_lines, int col_shift_first, int col_shift_last);
  std::string text_between(TextPos from, TextPos to) const;
  TextPos end_of(TextPos start, std::string_view text) const;
  void forget_column() { wanted_chars_ = -1; }

  std::vector<std::string> lines_{std::string()};
  TextPos cursor_, anchor_;
  int wanted_chars_ = -1;  // the column (in characters) up/down moves aim for
  std::vector<Change> undo_, redo_;
  std::uint64_t version_ = 0;
  int marked_line_ = -1;
};

}  // namespace loopscope
