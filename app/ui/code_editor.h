// The code pane's editor, drawn with ImGui over the headless EditBuffer (core/edit_buffer.h):
// line numbers, the read-only view's syntax colours, the current line highlighted, the error of
// the last run marked on its line (the mark follows lines added above it), a find bar (Ctrl+F,
// Enter / Shift+Enter for the next / previous match, Esc to close). Keys: arrows, Home/End,
// Ctrl+arrows by word, PageUp/PageDown, Ctrl+A/C/X/V, Ctrl+Z undo, Ctrl+Y or Ctrl+Shift+Z redo,
// Tab / Shift+Tab as four spaces or a block indent, Enter with auto-indent.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/edit_buffer.h"
#include "core/python_tokens.h"

struct ImFont;

namespace loopscope::platform {
struct KeyInput;
}

namespace loopscope::ui {

class CodeEditor {
 public:
  // Draws `buffer` filling the rest of the current window; returns true when the text changed.
  // `error_message` is shown on the buffer's marked line.
  bool Draw(EditBuffer& buffer, const std::string& error_message);
  void Focus() { want_focus_ = true; }
  void OpenFind();
  void RevealCursor() { cursor_moved_ = true; }

 private:
  bool DrawFindBar(EditBuffer& buffer);
  bool HandleKeys(EditBuffer& buffer, int page_lines);
  void Apply(EditBuffer& buffer, const platform::KeyInput& input, int page_lines);
  void HandleMouse(EditBuffer& buffer, float text_x, float top_y);
  TextPos PosAt(const EditBuffer& buffer, float x, float y, float text_x, float top_y) const;
  float ColumnX(const std::string& line, int col) const;
  void KeepCursorVisible(const EditBuffer& buffer, float gutter_w, float view_w, float view_h);

  ImFont* font_ = nullptr;
  float line_h_ = 0.0f;
  std::uint64_t tokens_version_ = ~std::uint64_t(0);
  std::vector<std::vector<Token>> tokens_;
  bool want_focus_ = false;
  bool focused_ = false;
  bool cursor_moved_ = false;  // scroll the cursor into view at the next frame
  bool selecting_ = false;     // a mouse drag is extending the selection
  bool find_open_ = false;
  bool find_focus_ = false;
  std::string find_query_;
};

}  // namespace loopscope::ui
