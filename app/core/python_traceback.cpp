#include "core/python_traceback.h"

#include <cstdlib>
#include <filesystem>

namespace loopscope {
namespace {

namespace fs = std::filesystem;

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string_view trim_left(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

// An exception group draws borders ("  | ", "  + ", "  +-+---- 1 ----"); the text inside keeps
// its own indentation after the border. Separator lines come back as "-".
std::string_view strip_group_border(std::string_view line) {
  const std::string_view t = trim_left(line);
  if (starts_with(t, "+-")) return "-";
  if (starts_with(t, "| ") || starts_with(t, "+ ")) return t.substr(2);
  if (t == "|" || t == "+") return {};
  return line;
}

// `  File "PATH", line N, in NAME` (", in NAME" absent at a SyntaxError's location).
bool parse_frame_line(std::string_view line, TracebackFrame& frame) {
  const std::string_view t = trim_left(line);
  if (!starts_with(t, "File \"") || t.size() == line.size()) return false;
  const auto quote = t.find("\", line ", 6);
  if (quote == std::string_view::npos) return false;
  frame.file = std::string(t.substr(6, quote - 6));
  std::string_view rest = t.substr(quote + 8);
  std::size_t digits = 0;
  while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits == 0) return false;
  frame.line = std::atoi(std::string(rest.substr(0, digits)).c_str());
  rest.remove_prefix(digits);
  if (starts_with(rest, ", in ")) frame.function = std::string(rest.substr(5));
  else if (!rest.empty()) return false;
  return true;
}

bool is_header(std::string_view t) {
  return starts_with(t, "Traceback (most recent call last):") || starts_with(t, "Exception Group Traceback (most recent call last):");
}

bool is_chain_sentence(std::string_view t) {
  return starts_with(t, "During handling of the above exception") || starts_with(t, "The above exception was the direct cause");
}

void name_frame(TracebackFrame& frame, const ProgramFiles& program) {
  std::error_code ec;
  if (!program.run_path.empty() && frame.file == program.run_path) {
    frame.own = frame.program = true;
    frame.shown = program.shown_name.empty() ? fs::path(frame.file).filename().string() : program.shown_name;
    return;
  }
  const fs::path file(frame.file);
  if (!program.folder.empty() && file.is_absolute() && file.parent_path() == fs::path(program.folder)) {
    frame.own = true;
    frame.shown = file.filename().string();
    return;
  }
  frame.shown = frame.file;
}

}  // namespace

bool Traceback::has_frames() const {
  for (const TracebackPart& p : parts)
    if (!p.frames.empty()) return true;
  return false;
}

int Traceback::own_frames() const {
  int n = 0;
  for (const TracebackPart& p : parts)
    for (const TracebackFrame& f : p.frames) n += f.own ? 1 : 0;
  return n;
}

int Traceback::other_frames() const {
  int n = 0;
  for (const TracebackPart& p : parts)
    for (const TracebackFrame& f : p.frames) n += f.own ? 0 : 1;
  return n;
}

const TracebackFrame* Traceback::error_frame() const {
  for (auto part = parts.rbegin(); part != parts.rend(); ++part)
    for (auto f = part->frames.rbegin(); f != part->frames.rend(); ++f)
      if (f->own) return &*f;
  return nullptr;
}

Traceback parse_traceback(std::string_view text, const ProgramFiles& program) {
  Traceback tb;
  auto part = [&]() -> TracebackPart& {
    if (tb.parts.empty()) tb.parts.emplace_back();
    return tb.parts.back();
  };
  // A frame's code lines are indented deeper than its "File" line and come before the message.
  bool in_frame = false;
  std::size_t frame_indent = 0;
  std::string pending_lead;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view raw = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    const std::string_view line = strip_group_border(raw);
    const std::string_view t = trim_left(line);
    const std::size_t indent = line.size() - t.size();
    if (line == "-") {  // a sub-exception of a group starts
      in_frame = false;
      continue;
    }
    if (t.empty()) continue;
    if (is_chain_sentence(t)) {
      pending_lead = std::string(t);
      in_frame = false;
      continue;
    }
    if (is_header(t)) {
      // A new part, unless the current one has nothing yet.
      if (tb.parts.empty() || !part().frames.empty() || !part().message.empty()) tb.parts.emplace_back();
      part().lead = std::move(pending_lead);
      pending_lead.clear();
      in_frame = false;
      continue;
    }
    TracebackFrame frame;
    if (parse_frame_line(line, frame)) {
      // A SyntaxError's location comes without a header; a frame after a message starts anew.
      if (tb.parts.empty() || !part().message.empty()) {
        tb.parts.emplace_back();
        part().lead = std::move(pending_lead);
        pending_lead.clear();
      }
      name_frame(frame, program);
      part().frames.push_back(std::move(frame));
      in_frame = true;
      frame_indent = indent;
      continue;
    }
    if (in_frame && indent > frame_indent) {
      part().frames.back().code.emplace_back(line.substr(frame_indent + 2 <= line.size() ? frame_indent + 2 : indent));
      continue;
    }
    in_frame = false;
    part().message.emplace_back(line);
  }
  return tb;
}

std::string traceback_text(const Traceback& traceback, bool all_frames) {
  std::string out;
  for (const TracebackPart& p : traceback.parts) {
    if (!p.lead.empty()) out += "\n" + p.lead + "\n\n";
    if (!p.frames.empty() && (p.frames.front().function.size() || p.frames.size() > 1)) out += "Traceback (most recent call last):\n";
    int hidden = 0;
    auto flush_hidden = [&] {
      if (hidden) out += "  (" + std::to_string(hidden) + (hidden == 1 ? " frame" : " frames") + " inside Python's libraries)\n";
      hidden = 0;
    };
    for (const TracebackFrame& f : p.frames) {
      if (!all_frames && !f.own) {
        ++hidden;
        continue;
      }
      flush_hidden();
      out += "  File \"" + f.shown + "\", line " + std::to_string(f.line);
      if (!f.function.empty()) out += ", in " + f.function;
      out += "\n";
      for (const std::string& c : f.code) out += "    " + c + "\n";
    }
    flush_hidden();
    for (const std::string& m : p.message) out += m + "\n";
  }
  return out;
}

std::string rename_program_path(std::string_view text, const ProgramFiles& program) {
  if (program.run_path.empty() || program.shown_name.empty()) return std::string(text);
  std::string out;
  std::size_t at = 0;
  for (;;) {
    const auto hit = text.find(program.run_path, at);
    if (hit == std::string_view::npos) break;
    out.append(text.substr(at, hit - at));
    out += program.shown_name;
    at = hit + program.run_path.size();
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace loopscope
