#include "ui/markdown_view.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "platform/fonts.h"
#include "platform/theme.h"
#include "ui/syntax_colors.h"
#include "core/python_tokens.h"

namespace loopscope::ui {
namespace {

ImFont* run_font(const TextRun& run, bool heading) {
  const auto& f = platform::fonts();
  if (run.style & kRunCode) return f.mono;
  if (heading) return f.heading;
  if (run.style & kRunBold) return f.bold;
  if (run.style & kRunItalic) return f.italic;
  return f.ui;
}

// Lays out runs word by word between `left` and `right` from `top`; returns the height used.
float flow_runs(const std::vector<TextRun>& runs, float left, float right, float top, bool heading, ImU32 base_color,
                bool bold = false) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const auto& pal = platform::palette();
  const float line_h = (heading ? platform::fonts().heading->FontSize : platform::fonts().ui->FontSize) * 1.4f;
  float x = left, y = top;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (const TextRun& run : runs) {
    ImFont* font = bold && !(run.style & kRunCode) ? platform::fonts().bold : run_font(run, heading);
    const float size = font->FontSize;
    const float baseline_shift = (line_h - size) * 0.5f;
    ImU32 color = base_color;
    if (run.style & kRunLink) color = pal.accent;
    std::size_t i = 0;
    const std::string& t = run.text;
    while (i < t.size()) {
      if (t[i] == '\n') { x = left; y += line_h; ++i; continue; }
      // A word plus the spaces after it wrap together.
      std::size_t e = i;
      while (e < t.size() && t[e] != ' ' && t[e] != '\n') ++e;
      std::size_t s = e;
      while (s < t.size() && t[s] == ' ') ++s;
      const char* wb = t.data() + i;
      const char* we = t.data() + e;
      const float word_w = font->CalcTextSizeA(size, 1e9f, 0.0f, wb, we).x;
      const float space_w = font->CalcTextSizeA(size, 1e9f, 0.0f, we, t.data() + s).x;
      if (x + word_w > right && x > left) { x = left; y += line_h; }
      const ImVec2 pos(x, y + baseline_shift);
      if (run.style & kRunCode) {
        draw->AddRectFilled(ImVec2(pos.x - 2, pos.y - 1), ImVec2(pos.x + word_w + 2, pos.y + size + 1), pal.inline_code_bg, 3.0f);
        color = pal.syn_def_name;
      }
      draw->AddText(font, size, pos, color, wb, we);
      if (run.style & kRunLink) {
        draw->AddLine(ImVec2(pos.x, pos.y + size), ImVec2(pos.x + word_w, pos.y + size), pal.accent);
        if (mouse.x >= pos.x && mouse.x < pos.x + word_w && mouse.y >= pos.y && mouse.y < pos.y + size &&
            ImGui::IsWindowHovered()) {
          ImGui::SetTooltip("%s", run.href.c_str());
        }
      }
      x += word_w + space_w;
      i = s;
    }
  }
  return (y - top) + line_h;
}

}  // namespace

float DrawCodeLines(std::string_view code, float left, float top) {
  ImFont* mono = platform::fonts().mono;
  const float size = mono->FontSize;
  const float line_h = size * 1.3f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const auto lines = split_lines(code);
  const auto tokens = tokenize_python(code);
  const ImU32 plain = platform::palette().text;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::string_view line = lines[n];
    const float y = top + static_cast<float>(n) * line_h;
    int at = 0;
    float x = left;
    auto emit = [&](int b, int e, ImU32 color) {
      if (e <= b) return;
      const char* pb = line.data() + b;
      const char* pe = line.data() + e;
      draw->AddText(mono, size, ImVec2(x, y), color, pb, pe);
      x += mono->CalcTextSizeA(size, 1e9f, 0.0f, pb, pe).x;
    };
    for (const Token& tok : tokens[n]) {
      emit(at, tok.begin, plain);
      emit(tok.begin, tok.end, token_color(tok.kind));
      at = tok.end;
    }
    emit(at, static_cast<int>(line.size()), plain);
  }
  return static_cast<float>(lines.size()) * line_h;
}

void MarkdownView::Draw(const std::vector<MdBlock>& blocks) {
  const auto& pal = platform::palette();
  const float scale = platform::fonts().scale;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float left = origin.x;
  const float right = left + std::max(50.0f, ImGui::GetContentRegionAvail().x);
  float y = origin.y;
  const float gap = 8.0f * scale;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const MdBlock& b = blocks[i];
    switch (b.kind) {
      case BlockKind::Heading:
        if (i > 0) y += gap;
        y += flow_runs(b.runs, left, right, y, b.level <= 1, b.level <= 1 ? pal.text : pal.accent, b.level >= 2);
        break;
      case BlockKind::Paragraph:
        y += flow_runs(b.runs, left + 18.0f * scale * static_cast<float>(b.level), right, y, false, pal.text);
        break;
      case BlockKind::Quote: {
        const float h = flow_runs(b.runs, left + 14.0f * scale, right, y, false, pal.text_dim);
        draw->AddRectFilled(ImVec2(left, y), ImVec2(left + 3.0f * scale, y + h), pal.accent);
        y += h;
        break;
      }
      case BlockKind::ListItem: {
        const float indent = 18.0f * scale * static_cast<float>(std::max(1, b.level));
        const std::string marker = b.ordered ? std::to_string(b.number) + "." : "\xE2\x80\xA2";  // •
        ImFont* font = platform::fonts().ui;
        const float line_h = font->FontSize * 1.4f;
        const float mw = font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, marker.c_str()).x;
        draw->AddText(font, font->FontSize, ImVec2(left + indent - mw - 6.0f * scale, y + (line_h - font->FontSize) * 0.5f),
                      pal.text_dim, marker.c_str());
        y += flow_runs(b.runs, left + indent, right, y, false, pal.text);
        break;
      }
      case BlockKind::CodeBlock: {
        const float pad = 8.0f * scale;
        y += gap * 0.5f;
        const float line_h = platform::fonts().mono->FontSize * 1.3f;
        const float h = static_cast<float>(split_lines(b.code).size()) * line_h + 2 * pad;
        draw->AddRectFilled(ImVec2(left, y), ImVec2(right, y + h), pal.code_bg, 4.0f * scale);
        draw->AddRect(ImVec2(left, y), ImVec2(right, y + h), pal.border, 4.0f * scale);
        draw->PushClipRect(ImVec2(left, y), ImVec2(right, y + h), true);
        DrawCodeLines(b.code, left + pad, y + pad);
        draw->PopClipRect();
        y += h;
        break;
      }
      case BlockKind::Rule:
        y += gap;
        draw->AddLine(ImVec2(left, y), ImVec2(right, y), pal.border);
        break;
    }
    y += (b.kind == BlockKind::ListItem && i + 1 < blocks.size() && blocks[i + 1].kind == BlockKind::ListItem) ? 2.0f * scale : gap;
  }
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(right - left, y - origin.y));
}

}  // namespace loopscope::ui
