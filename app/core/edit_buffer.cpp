#include "core/edit_buffer.h"

#include <algorithm>
#include <cctype>

namespace loopscope {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool is_word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || u >= 0x80;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

int leading_blanks(std::string_view line) {
  int n = 0;
  while (n < static_cast<int>(line.size()) && is_blank(line[static_cast<std::size_t>(n)])) ++n;
  return n;
}

// Characters (not bytes) before byte `col`.
int chars_before(std::string_view line, int col) {
  int chars = 0;
  for (int i = 0; i < col && i < static_cast<int>(line.size()); ++i)
    if (!is_continuation(line[static_cast<std::size_t>(i)])) ++chars;
  return chars;
}

// The byte column of character `chars`, at most the line's end.
int col_of_char(std::string_view line, int chars) {
  int col = 0;
  const int size = static_cast<int>(line.size());
  while (col < size && chars > 0) {
    ++col;
    while (col < size && is_continuation(line[static_cast<std::size_t>(col)])) ++col;
    --chars;
  }
  return col;
}

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool matches_at(std::string_view line, std::size_t at, std::string_view query) {
  if (at + query.size() > line.size()) return false;
  for (std::size_t i = 0; i < query.size(); ++i)
    if (lower(line[at + i]) != lower(query[i])) return false;
  return true;
}

// The code of a line without a trailing comment or blanks (enough for "ends with ':'"; a '#'
// inside a string is rare in lesson code and only costs an indent level).
std::string_view code_part(std::string_view line) {
  const auto hash = line.find('#');
  if (hash != std::string_view::npos) line = line.substr(0, hash);
  while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
  return line;
}

// A statement after which the next line goes one level out.
bool ends_block(std::string_view code) {
  code.remove_prefix(static_cast<std::size_t>(leading_blanks(code)));
  for (std::string_view word : {"return", "pass", "break", "continue", "raise"}) {
    if (code.substr(0, word.size()) == word && (code.size() == word.size() || !is_word_char(code[word.size()]))) return true;
  }
  return false;
}

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> out(1);
  for (char c : text) {
    if (c == '\n') out.emplace_back();
    else if (c != '\r') out.back() += c;
  }
  return out;
}

}  // namespace

EditBuffer::EditBuffer(std::string_view text) { set_text(text); }

void EditBuffer::set_text(std::string_view text) {
  lines_ = split(text);
  cursor_ = anchor_ = {};
  undo_.clear();
  redo_.clear();
  marked_line_ = -1;
  forget_column();
  ++version_;
}

void EditBuffer::replace_all(std::string_view text) {
  edit({0, 0}, {line_count() - 1, static_cast<int>(lines_.back().size())}, text);
  cursor_ = anchor_ = {};
}

std::string EditBuffer::text() const {
  std::string out;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    if (i) out += '\n';
    out += lines_[i];
  }
  return out;
}

// ---- cursor and selection ----

TextPos EditBuffer::clamp(TextPos pos) const {
  pos.line = std::clamp(pos.line, 0, line_count() - 1);
  const std::string& line = lines_[static_cast<std::size_t>(pos.line)];
  pos.col = std::clamp(pos.col, 0, static_cast<int>(line.size()));
  while (pos.col > 0 && pos.col < static_cast<int>(line.size()) && is_continuation(line[static_cast<std::size_t>(pos.col)])) --pos.col;
  return pos;
}

std::pair<TextPos, TextPos> EditBuffer::selection() const { return {std::min(anchor_, cursor_), std::max(anchor_, cursor_)}; }

std::string EditBuffer::selected_text() const {
  const auto [a, b] = selection();
  return text_between(a, b);
}

void EditBuffer::set_cursor(TextPos pos, bool extend) {
  cursor_ = clamp(pos);
  if (!extend) anchor_ = cursor_;
  forget_column();
}

void EditBuffer::select(TextPos from, TextPos to) {
  anchor_ = clamp(from);
  cursor_ = clamp(to);
  forget_column();
}

void EditBuffer::select_all() { select({0, 0}, {line_count() - 1, static_cast<int>(lines_.back().size())}); }

void EditBuffer::select_word_at(TextPos pos) {
  pos = clamp(pos);
  const std::string& line = lines_[static_cast<std::size_t>(pos.line)];
  int b = pos.col, e = pos.col;
  while (b > 0 && is_word_char(line[static_cast<std::size_t>(b - 1)])) --b;
  while (e < static_cast<int>(line.size()) && is_word_char(line[static_cast<std::size_t>(e)])) ++e;
  select({pos.line, b}, {pos.line, e});
}

void EditBuffer::move_left(bool extend, bool by_word) {
  if (has_selection() && !extend) {
    set_cursor(selection().first);
    return;
  }
  TextPos p = cursor_;
  const std::string* line = &lines_[static_cast<std::size_t>(p.line)];
  if (p.col == 0) {
    if (p.line > 0) p = {p.line - 1, static_cast<int>(lines_[static_cast<std::size_t>(p.line - 1)].size())};
  } else if (by_word) {
    while (p.col > 0 && is_blank((*line)[static_cast<std::size_t>(p.col - 1)])) --p.col;
    const bool word = p.col > 0 && is_word_char((*line)[static_cast<std::size_t>(p.col - 1)]);
    while (p.col > 0 && !is_blank((*line)[static_cast<std::size_t>(p.col - 1)]) &&
           is_word_char((*line)[static_cast<std::size_t>(p.col - 1)]) == word)
      --p.col;
  } else {
    --p.col;
    while (p.col > 0 && is_continuation((*line)[static_cast<std::size_t>(p.col)])) --p.col;
  }
  set_cursor(p, extend);
}

void EditBuffer::move_right(bool extend, bool by_word) {
  if (has_selection() && !extend) {
    set_cursor(selection().second);
    return;
  }
  TextPos p = cursor_;
  const std::string& line = lines_[static_cast<std::size_t>(p.line)];
  const int size = static_cast<int>(line.size());
  if (p.col >= size) {
    if (p.line + 1 < line_count()) p = {p.line + 1, 0};
  } else if (by_word) {
    const bool word = is_word_char(line[static_cast<std::size_t>(p.col)]);
    while (p.col < size && !is_blank(line[static_cast<std::size_t>(p.col)]) && is_word_char(line[static_cast<std::size_t>(p.col)]) == word) ++p.col;
    while (p.col < size && is_blank(line[static_cast<std::size_t>(p.col)])) ++p.col;
  } else {
    ++p.col;
    while (p.col < size && is_continuation(line[static_cast<std::size_t>(p.col)])) ++p.col;
  }
  set_cursor(p, extend);
}

void EditBuffer::move_up(bool extend, int count) { move_down(extend, -count); }

void EditBuffer::move_down(bool extend, int count) {
  const int wanted = wanted_chars_ >= 0 ? wanted_chars_ : chars_before(lines_[static_cast<std::size_t>(cursor_.line)], cursor_.col);
  TextPos p = cursor_;
  p.line = std::clamp(p.line + count, 0, line_count() - 1);
  if (p.line == cursor_.line && count != 0) {
    p.col = count < 0 ? 0 : static_cast<int>(lines_[static_cast<std::size_t>(p.line)].size());  // first/last line
  } else {
    p.col = col_of_char(lines_[static_cast<std::size_t>(p.line)], wanted);
  }
  set_cursor(p, extend);
  wanted_chars_ = wanted;
}

void EditBuffer::move_home(bool extend) {
  const int first = leading_blanks(lines_[static_cast<std::size_t>(cursor_.line)]);
  set_cursor({cursor_.line, cursor_.col == first ? 0 : first}, extend);
}

void EditBuffer::move_end(bool extend) {
  set_cursor({cursor_.line, static_cast<int>(lines_[static_cast<std::size_t>(cursor_.line)].size())}, extend);
}

void EditBuffer::move_to_start(bool extend) { set_cursor({0, 0}, extend); }

void EditBuffer::move_to_end(bool extend) { set_cursor({line_count() - 1, static_cast<int>(lines_.back().size())}, extend); }

// ---- the primitive and undo ----

std::string EditBuffer::text_between(TextPos from, TextPos to) const {
  if (to <= from) return {};
  const std::string& first = lines_[static_cast<std::size_t>(from.line)];
  if (from.line == to.line) return first.substr(static_cast<std::size_t>(from.col), static_cast<std::size_t>(to.col - from.col));
  std::string out = first.substr(static_cast<std::size_t>(from.col));
  for (int l = from.line + 1; l < to.line; ++l) out += '\n' + lines_[static_cast<std::size_t>(l)];
  out += '\n' + lines_[static_cast<std::size_t>(to.line)].substr(0, static_cast<std::size_t>(to.col));
  return out;
}

TextPos EditBuffer::end_of(TextPos start, std::string_view text) const {
  const auto newlines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  if (newlines == 0) return {start.line, start.col + static_cast<int>(text.size())};
  return {start.line + newlines, static_cast<int>(text.size() - text.rfind('\n') - 1)};
}

TextPos EditBuffer::splice(TextPos from, TextPos to, std::string_view text) {
  std::vector<std::string> inserted = split(text);
  const std::string head = lines_[static_cast<std::size_t>(from.line)].substr(0, static_cast<std::size_t>(from.col));
  const std::string tail = lines_[static_cast<std::size_t>(to.line)].substr(static_cast<std::size_t>(to.col));
  const TextPos end{from.line + static_cast<int>(inserted.size()) - 1,
                    static_cast<int>(inserted.size() == 1 ? head.size() + inserted.back().size() : inserted.back().size())};
  inserted.front() = head + inserted.front();
  inserted.back() += tail;
  lines_.erase(lines_.begin() + from.line, lines_.begin() + to.line + 1);
  lines_.insert(lines_.begin() + from.line, inserted.begin(), inserted.end());
  // The marked line: shifted by lines added or removed above it; a line break typed at its very
  // start pushes it down with its text; merged into the first line when its text was removed.
  if (marked_line_ >= 0) {
    const int delta = static_cast<int>(inserted.size()) - 1 - (to.line - from.line);
    if (to.line < marked_line_ || (from == to && from.line == marked_line_ && from.col == 0 && delta > 0 && tail.size() > 0)) {
      marked_line_ += delta;
    } else if (from.line < marked_line_) {
      marked_line_ = from.line;
    }
  }
  ++version_;
  return end;
}

void EditBuffer::edit(TextPos from, TextPos to, std::string_view text, bool typing) {
  from = clamp(from);
  to = clamp(to);
  Change change{from, text_between(from, to), std::string(text), cursor_, anchor_, typing};
  const bool merge = typing && !undo_.empty() && undo_.back().typing && change.removed.empty() &&
                     end_of(undo_.back().start, undo_.back().inserted) == from &&
                     !(is_blank(text.front()) && !is_blank(undo_.back().inserted.back()));
  const TextPos end = splice(from, to, text);
  if (merge) {
    undo_.back().inserted += text;
  } else {
    undo_.push_back(std::move(change));
  }
  redo_.clear();
  cursor_ = anchor_ = end;
  forget_column();
}

bool EditBuffer::undo() {
  if (undo_.empty()) return false;
  Change change = std::move(undo_.back());
  undo_.pop_back();
  splice(change.start, end_of(change.start, change.inserted), change.removed);
  cursor_ = clamp(change.cursor_before);
  anchor_ = clamp(change.anchor_before);
  forget_column();
  redo_.push_back(std::move(change));
  return true;
}

bool EditBuffer::redo() {
  if (redo_.empty()) return false;
  Change change = std::move(redo_.back());
  redo_.pop_back();
  cursor_ = anchor_ = splice(change.start, end_of(change.start, change.removed), change.inserted);
  change.typing = false;  // a redone step never absorbs new typing
  forget_column();
  undo_.push_back(std::move(change));
  return true;
}

// ---- editing ----

void EditBuffer::type(std::string_view chars) {
  if (chars.empty()) return;
  const auto [a, b] = selection();
  const bool single = chars.size() <= 4 && chars.find('\n') == std::string_view::npos;
  edit(a, b, chars, single && a == b);
}

void EditBuffer::paste(std::string_view text) {
  std::string clean;
  for (char c : text)
    if (c != '\r') clean += c == '\t' ? std::string(kIndent, ' ') : std::string(1, c);
  const auto [a, b] = selection();
  edit(a, b, clean);
}

void EditBuffer::newline() {
  const auto [a, b] = selection();
  const std::string_view line = lines_[static_cast<std::size_t>(a.line)];
  const std::string_view before = std::string_view(line).substr(0, static_cast<std::size_t>(a.col));
  int indent = std::min(leading_blanks(line), a.col);
  const std::string_view code = code_part(before);
  if (!code.empty() && code.back() == ':') indent += kIndent;
  else if (ends_block(code)) indent = std::max(0, indent - kIndent);
  edit(a, b, "\n" + std::string(static_cast<std::size_t>(indent), ' '));
}

void EditBuffer::tab() {
  const auto [a, b] = selection();
  if (a.line == b.line) {
    const int chars = chars_before(lines_[static_cast<std::size_t>(a.line)], a.col);
    edit(a, b, std::string(static_cast<std::size_t>(kIndent - chars % kIndent), ' '));
    return;
  }
  // Several lines selected: indent each one (a selection ending at column 0 leaves that line).
  const int last = b.col == 0 ? b.line - 1 : b.line;
  std::vector<std::string> lines;
  for (int l = a.line; l <= last; ++l) {
    const std::string& s = lines_[static_cast<std::size_t>(l)];
    lines.push_back(s.empty() ? s : std::string(kIndent, ' ') + s);
  }
  edit_lines(a.line, last, lines, kIndent, kIndent);
}

void EditBuffer::untab() {
  const auto [a, b] = selection();
  const int last = a.line != b.line && b.col == 0 ? b.line - 1 : b.line;
  std::vector<std::string> lines;
  int shift_first = 0, shift_last = 0;
  for (int l = a.line; l <= last; ++l) {
    const std::string& s = lines_[static_cast<std::size_t>(l)];
    const int remove = std::min(leading_blanks(s), kIndent);
    lines.push_back(s.substr(static_cast<std::size_t>(remove)));
    if (l == a.line) shift_first = -remove;
    if (l == last) shift_last = -remove;
  }
  if (shift_first == 0 && shift_last == 0 && std::equal(lines.begin(), lines.end(), lines_.begin() + a.line)) return;
  edit_lines(a.line, last, lines, shift_first, shift_last);
}

void EditBuffer::edit_lines(int first, int last, const std::vector<std::string>& new_lines, int col_shift_first,
                            int col_shift_last) {
  TextPos anchor = anchor_, cursor = cursor_;
  auto shifted = [&](TextPos p) {
    if (p.line == first) p.col = std::max(0, p.col + col_shift_first);
    else if (p.line == last) p.col = std::max(0, p.col + col_shift_last);
    return p;
  };
  std::string joined;
  for (std::size_t i = 0; i < new_lines.size(); ++i) joined += (i ? "\n" : "") + new_lines[i];
  edit({first, 0}, {last, static_cast<int>(lines_[static_cast<std::size_t>(last)].size())}, joined);
  anchor_ = clamp(shifted(anchor));
  cursor_ = clamp(shifted(cursor));
}

void EditBuffer::backspace() {
  if (has_selection()) {
    const auto [a, b] = selection();
    edit(a, b, {});
    return;
  }
  const TextPos p = cursor_;
  if (p.col == 0) {
    if (p.line > 0) edit({p.line - 1, static_cast<int>(lines_[static_cast<std::size_t>(p.line - 1)].size())}, p, {});
    return;
  }
  const std::string& line = lines_[static_cast<std::size_t>(p.line)];
  if (p.col <= leading_blanks(line)) {  // in the indent: one level back
    const int to = ((p.col - 1) / kIndent) * kIndent;
    edit({p.line, to}, p, {});
    return;
  }
  move_left(false);
  edit(cursor_, p, {});
}

void EditBuffer::delete_forward() {
  if (has_selection()) {
    const auto [a, b] = selection();
    edit(a, b, {});
    return;
  }
  const TextPos p = cursor_;
  move_right(false);
  if (cursor_ != p) edit(p, cursor_, {});
}

std::string EditBuffer::copy() const {
  if (has_selection()) return selected_text();
  return lines_[static_cast<std::size_t>(cursor_.line)] + "\n";
}

std::string EditBuffer::cut() {
  const std::string text = copy();
  if (has_selection()) {
    const auto [a, b] = selection();
    edit(a, b, {});
  } else if (cursor_.line + 1 < line_count()) {
    edit({cursor_.line, 0}, {cursor_.line + 1, 0}, {});
  } else if (cursor_.line > 0) {  // the last line: the line break before it goes with it
    edit({cursor_.line - 1, static_cast<int>(lines_[static_cast<std::size_t>(cursor_.line - 1)].size())},
         {cursor_.line, static_cast<int>(lines_[static_cast<std::size_t>(cursor_.line)].size())}, {});
  } else {
    edit({0, 0}, {0, static_cast<int>(lines_[0].size())}, {});
  }
  return text;
}

// ---- find ----

std::vector<int> EditBuffer::matches_in_line(int line, std::string_view query) const {
  std::vector<int> out;
  if (query.empty() || line < 0 || line >= line_count()) return out;
  const std::string& s = lines_[static_cast<std::size_t>(line)];
  for (std::size_t at = 0; at + query.size() <= s.size(); ++at) {
    if (matches_at(s, at, query)) {
      out.push_back(static_cast<int>(at));
      at += query.size() - 1;
    }
  }
  return out;
}

int EditBuffer::count_matches(std::string_view query) const {
  int n = 0;
  for (int l = 0; l < line_count(); ++l) n += static_cast<int>(matches_in_line(l, query).size());
  return n;
}

bool EditBuffer::find_next(std::string_view query, bool backwards) {
  if (query.empty() || query.find('\n') != std::string_view::npos) return false;
  const auto [a, b] = selection();
  const int n = line_count();
  const int qlen = static_cast<int>(query.size());
  // Forward: the first match starting after the selection's start (so the current match is
  // skipped); backward: the last match starting before it. Both wrap around the text.
  for (int step = 0; step <= n; ++step) {
    const int l = backwards ? ((a.line - step) % n + n) % n : (a.line + step) % n;
    std::vector<int> cols = matches_in_line(l, query);
    if (backwards) std::reverse(cols.begin(), cols.end());
    for (int col : cols) {
      const bool first_pass_line = step == 0;
      const bool last_pass_line = step == n;
      if (!backwards) {
        if (first_pass_line && col <= a.col && !(a == b && col == a.col)) continue;
        if (last_pass_line && col > a.col) continue;
      } else {
        if (first_pass_line && col >= a.col) continue;
        if (last_pass_line && col < a.col) continue;
      }
      select({l, col}, {l, col + qlen});
      return true;
    }
  }
  return false;
}

}  // namespace loopscope
