#include "ui/code_editor.h"

#include <imgui.h>
#include <imgui_internal.h>  // WantTextInputNextFrame: the editor takes the keyboard as InputText does
#include <imgui_stdlib.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>

#include "core/color.h"
#include "platform/fonts.h"
#include "platform/key_queue.h"
#include "platform/theme.h"
#include "ui/syntax_colors.h"

namespace loopscope::ui {
namespace {

bool key(ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); }

}  // namespace

void CodeEditor::OpenFind() {
  find_open_ = true;
  find_focus_ = true;
}

float CodeEditor::ColumnX(const std::string& line, int col) const {
  const int n = std::clamp(col, 0, static_cast<int>(line.size()));
  return font_->CalcTextSizeA(font_->FontSize, 1e9f, 0.0f, line.data(), line.data() + n).x;
}

TextPos CodeEditor::PosAt(const EditBuffer& buffer, float x, float y, float text_x, float top_y) const {
  const int line = std::clamp(static_cast<int>(std::floor((y - top_y) / line_h_)), 0, buffer.line_count() - 1);
  const std::string& s = buffer.lines()[static_cast<std::size_t>(line)];
  // The character boundary nearest to x.
  int col = 0;
  float left = 0.0f;
  while (col < static_cast<int>(s.size())) {
    int next = col + 1;
    while (next < static_cast<int>(s.size()) && (static_cast<unsigned char>(s[static_cast<std::size_t>(next)]) & 0xC0) == 0x80) ++next;
    const float right = ColumnX(s, next);
    if (x - text_x < (left + right) * 0.5f) break;
    col = next;
    left = right;
  }
  return {line, col};
}

void CodeEditor::KeepCursorVisible(const EditBuffer& buffer, float gutter_w, float view_w, float view_h) {
  const TextPos c = buffer.cursor();
  const float y = static_cast<float>(c.line) * line_h_;
  const float top = ImGui::GetScrollY();
  if (y < top) ImGui::SetScrollY(y);
  else if (y + line_h_ > top + view_h) ImGui::SetScrollY(y + line_h_ - view_h);
  const float x = ColumnX(buffer.lines()[static_cast<std::size_t>(c.line)], c.col);
  const float left = ImGui::GetScrollX();
  const float room = view_w - gutter_w - font_->FontSize;
  if (x < left) ImGui::SetScrollX(std::max(0.0f, x - font_->FontSize * 4));
  else if (x > left + room) ImGui::SetScrollX(x - room + font_->FontSize * 4);
}

bool CodeEditor::DrawFindBar(EditBuffer& buffer) {
  if (!find_open_) return false;
  const auto& pal = platform::palette();
  bool moved = false;
  const float buttons_w = ImGui::CalcTextSize("00 of 00  ").x + ImGui::GetFrameHeight() * 3 + ImGui::GetStyle().ItemSpacing.x * 4;
  ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 6, ImGui::GetContentRegionAvail().x - buttons_w));
  if (find_focus_) {
    ImGui::SetKeyboardFocusHere();
    find_focus_ = false;
  }
  const bool enter = ImGui::InputTextWithHint("##find", "find", &find_query_, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
  const bool edited = ImGui::IsItemEdited();
  const bool field_active = ImGui::IsItemActive() || enter;
  if (edited) {  // find as you type, from where the cursor is
    buffer.set_cursor(buffer.selection().first);
    moved = buffer.find_next(find_query_);
  }
  if (enter) {
    moved = buffer.find_next(find_query_, ImGui::GetIO().KeyShift);
    find_focus_ = true;  // Enter leaves the field; keep typing there
  }
  const int matches = buffer.count_matches(find_query_);
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(matches == 0 && !find_query_.empty() ? pal.error : pal.text_dim));
  ImGui::Text(matches == 1 ? "%d match" : "%d matches", matches);
  ImGui::PopStyleColor();
  ImGui::SameLine();
  if (ImGui::ArrowButton("##prev", ImGuiDir_Up)) moved = buffer.find_next(find_query_, true);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous match (Shift+Enter)");
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Down)) moved = buffer.find_next(find_query_);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next match (Enter)");
  ImGui::SameLine();
  if (ImGui::Button("\xC3\x97##close_find", ImVec2(ImGui::GetFrameHeight(), 0)) || (field_active && key(ImGuiKey_Escape))) {
    find_open_ = false;
    want_focus_ = true;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Close (Esc)");
  return moved;
}

// One key press (or repeat) or typed character, in the order they came (platform/key_queue.h).
void CodeEditor::Apply(EditBuffer& buffer, const platform::KeyInput& in, int page_lines) {
  if (in.key == 0) {
    if (in.codepoint >= 32 && in.codepoint != 127) {
      char utf8[5];
      buffer.type(ImTextCharToUtf8(utf8, in.codepoint));
    }
    return;
  }
  const bool ctrl = (in.mods & GLFW_MOD_CONTROL) != 0, shift = (in.mods & GLFW_MOD_SHIFT) != 0;
  const bool alt = (in.mods & GLFW_MOD_ALT) != 0;
  switch (in.key) {
    case GLFW_KEY_LEFT: buffer.move_left(shift, ctrl); break;
    case GLFW_KEY_RIGHT: buffer.move_right(shift, ctrl); break;
    case GLFW_KEY_UP: buffer.move_up(shift); break;
    case GLFW_KEY_DOWN: buffer.move_down(shift); break;
    case GLFW_KEY_PAGE_UP: buffer.move_up(shift, page_lines); break;
    case GLFW_KEY_PAGE_DOWN: buffer.move_down(shift, page_lines); break;
    case GLFW_KEY_HOME: ctrl ? buffer.move_to_start(shift) : buffer.move_home(shift); break;
    case GLFW_KEY_END: ctrl ? buffer.move_to_end(shift) : buffer.move_end(shift); break;
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER: buffer.newline(); break;
    case GLFW_KEY_TAB: shift ? buffer.untab() : buffer.tab(); break;
    case GLFW_KEY_BACKSPACE: buffer.backspace(); break;
    case GLFW_KEY_DELETE: buffer.delete_forward(); break;
    case GLFW_KEY_ESCAPE:
      if (buffer.has_selection()) buffer.set_cursor(buffer.cursor());
      break;
    case GLFW_KEY_F3:
      if (!find_query_.empty()) buffer.find_next(find_query_, shift);
      break;
    default: break;
  }
  if (!ctrl || alt) return;
  switch (in.key) {
    case GLFW_KEY_A: buffer.select_all(); break;
    case GLFW_KEY_C: ImGui::SetClipboardText(buffer.copy().c_str()); break;
    case GLFW_KEY_X: ImGui::SetClipboardText(buffer.cut().c_str()); break;
    case GLFW_KEY_V:
      if (const char* clip = ImGui::GetClipboardText()) buffer.paste(clip);
      break;
    case GLFW_KEY_Z: shift ? buffer.redo() : buffer.undo(); break;
    case GLFW_KEY_Y: buffer.redo(); break;
    case GLFW_KEY_F: OpenFind(); break;
    default: break;
  }
}

bool CodeEditor::HandleKeys(EditBuffer& buffer, int page_lines) {
  const std::uint64_t before = buffer.version();
  const TextPos cursor_before = buffer.cursor();
  const bool had_selection = buffer.has_selection();
  for (const platform::KeyInput& in : platform::frame_key_inputs()) Apply(buffer, in, page_lines);
  if (buffer.cursor() != cursor_before || buffer.has_selection() != had_selection) cursor_moved_ = true;
  return buffer.version() != before;
}

void CodeEditor::HandleMouse(EditBuffer& buffer, float text_x, float top_y) {
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
  if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
    const TextPos at = PosAt(buffer, io.MousePos.x, io.MousePos.y, text_x, top_y);
    if (io.MouseDoubleClicked[0]) {
      buffer.select_word_at(at);
      selecting_ = false;
    } else {
      buffer.set_cursor(at, io.KeyShift);
      selecting_ = true;
    }
    want_focus_ = true;
  } else if (selecting_ && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    buffer.set_cursor(PosAt(buffer, io.MousePos.x, io.MousePos.y, text_x, top_y), true);
    cursor_moved_ = true;
  } else {
    selecting_ = false;
  }
}

bool CodeEditor::Draw(EditBuffer& buffer, const std::string& error_message) {
  const auto& pal = platform::palette();
  bool changed = false;
  if (DrawFindBar(buffer)) cursor_moved_ = true;

  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(pal.code_bg));
  ImGui::BeginChild("##editor", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoNav);
  if (want_focus_) {
    ImGui::SetWindowFocus();
    want_focus_ = false;
  }
  font_ = platform::fonts().mono;
  ImFont* small = platform::fonts().small;
  ImGui::PushFont(font_);
  line_h_ = font_->FontSize * 1.45f;
  const float char_w = font_->CalcTextSizeA(font_->FontSize, 1e9f, 0.0f, "0").x;
  const int lines = buffer.line_count();
  const float number_w = char_w * (lines >= 1000 ? 5.0f : lines >= 100 ? 4.0f : 3.0f);
  const float gutter_w = char_w * 2.0f + number_w + char_w * 1.5f;  // error dot, number, gap
  const float view_w = ImGui::GetWindowWidth();
  const float view_h = ImGui::GetWindowHeight();

  focused_ = ImGui::IsWindowFocused();
  if (focused_) {
    GImGui->WantTextInputNextFrame = 1;  // the timeline's keys (Space, arrows) stay away while typing
    const int page = std::max(1, static_cast<int>(view_h / line_h_) - 1);
    changed = HandleKeys(buffer, page);
  }
  if (cursor_moved_ || changed) {
    KeepCursorVisible(buffer, gutter_w, view_w, view_h);
    cursor_moved_ = false;
  }
  if (buffer.version() != tokens_version_) {
    tokens_version_ = buffer.version();
    tokens_ = tokenize_python(buffer.text());
  }

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float text_x = origin.x + gutter_w;
  const float right = origin.x + view_w + ImGui::GetScrollX();
  const auto [sel_a, sel_b] = buffer.selection();
  const TextPos cursor = buffer.cursor();
  const int marked = buffer.marked_line();
  const bool show_matches = find_open_ && !find_query_.empty();
  std::size_t widest = 0;
  for (const std::string& s : buffer.lines()) widest = std::max(widest, s.size());

  ImGuiListClipper clipper;
  clipper.Begin(lines, line_h_);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const std::string& line = buffer.lines()[static_cast<std::size_t>(i)];
      const float y = origin.y + static_cast<float>(i) * line_h_;
      const float text_y = y + (line_h_ - font_->FontSize) * 0.5f;
      if (i == marked) draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(right, y + line_h_), pal.error_soft);
      else if (i == cursor.line && focused_) draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(right, y + line_h_), with_alpha(pal.accent, 0.10f));
      if (i >= sel_a.line && i <= sel_b.line && sel_a != sel_b) {
        const float x0 = i == sel_a.line ? ColumnX(line, sel_a.col) : 0.0f;
        const float x1 = i == sel_b.line ? ColumnX(line, sel_b.col) : ColumnX(line, static_cast<int>(line.size())) + char_w * 0.5f;
        draw->AddRectFilled(ImVec2(text_x + x0, y), ImVec2(text_x + x1, y + line_h_), with_alpha(pal.accent, 0.35f));
      }
      if (show_matches) {
        for (int col : buffer.matches_in_line(i, find_query_)) {
          const float x0 = ColumnX(line, col), x1 = ColumnX(line, col + static_cast<int>(find_query_.size()));
          draw->AddRect(ImVec2(text_x + x0, y + 1), ImVec2(text_x + x1, y + line_h_ - 1), pal.warn, 2.0f);
        }
      }
      // Gutter: a dot on the error's line, then the line number.
      if (i == marked) draw->AddCircleFilled(ImVec2(origin.x + char_w, y + line_h_ * 0.5f), line_h_ * 0.2f, pal.error);
      const std::string number = std::to_string(i + 1);
      const float nw = font_->CalcTextSizeA(font_->FontSize, 1e9f, 0.0f, number.c_str()).x;
      draw->AddText(font_, font_->FontSize, ImVec2(origin.x + char_w * 2.0f + number_w - nw, text_y),
                    i == cursor.line ? pal.text : pal.text_faint, number.c_str());
      static const std::vector<Token> kNoTokens;
      const std::vector<Token>& tokens = static_cast<std::size_t>(i) < tokens_.size() ? tokens_[static_cast<std::size_t>(i)] : kNoTokens;
      const float end_x = draw_code_line(draw, font_, ImVec2(text_x, text_y), line, tokens);
      if (i == marked) {
        draw->AddLine(ImVec2(text_x, y + line_h_ - 2), ImVec2(std::max(end_x, text_x + char_w), y + line_h_ - 2), pal.error, 2.0f);
        if (!error_message.empty()) {
          const std::string note = "\xE2\x86\x90 " + error_message;  // ←
          draw->AddText(small, small->FontSize, ImVec2(end_x + char_w * 2, y + (line_h_ - small->FontSize) * 0.5f), pal.error, note.c_str());
        }
      }
      if (i == cursor.line && focused_) {
        const float cx = text_x + ColumnX(line, cursor.col);
        draw->AddLine(ImVec2(cx, y + 2), ImVec2(cx, y + line_h_ - 2), pal.text, std::max(1.5f, char_w * 0.12f));
      }
    }
  }
  // The whole text as one item: clicks and drags place the cursor and select.
  ImGui::SetCursorScreenPos(origin);
  const ImVec2 content(std::max(view_w - ImGui::GetStyle().ScrollbarSize, gutter_w + static_cast<float>(widest + 4) * char_w),
                       std::max(view_h - 1.0f, static_cast<float>(lines) * line_h_ + line_h_ * 4));
  ImGui::InvisibleButton("##text", content);
  HandleMouse(buffer, text_x, origin.y);
  ImGui::PopFont();
  ImGui::EndChild();
  ImGui::PopStyleColor();
  return changed;
}

}  // namespace loopscope::ui
