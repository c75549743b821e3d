#include "ui/error_view.h"

#include <imgui.h>

#include "platform/fonts.h"
#include "platform/theme.h"

namespace loopscope::ui {
namespace {

ImU32 kind_color(Problem::Kind kind) {
  const auto& p = platform::palette();
  switch (kind) {
    case Problem::Kind::Warning:
    case Problem::Kind::Note: return p.warn;
    case Problem::Kind::MissingModule: return p.warn;
    default: return p.error;
  }
}

const char* kind_label(Problem::Kind kind) {
  switch (kind) {
    case Problem::Kind::Error: return "error";
    case Problem::Kind::SyntaxError: return "syntax";
    case Problem::Kind::Warning: return "warning";
    case Problem::Kind::MissingModule: return "module";
    case Problem::Kind::RunFailed: return "run";
    case Problem::Kind::Note: return "note";
  }
  return "";
}

}  // namespace

// The learner's frames, the one closest to the error first ("called from" the ones before it),
// then the fold with the whole traceback as Python printed it.
void ErrorView::DrawTraceback(const Problem& problem, std::size_t index, Click& click) {
  const auto& pal = platform::palette();
  const Traceback& tb = problem.traceback;
  ImGui::Indent();
  bool first = true;
  for (auto part = tb.parts.rbegin(); part != tb.parts.rend(); ++part) {
    for (auto f = part->frames.rbegin(); f != part->frames.rend(); ++f) {
      if (!f->own) continue;
      ImGui::PushID(&*f);
      std::string where = (first ? "" : "called from ") + f->shown + ", line " + std::to_string(f->line);
      if (!f->function.empty()) where += ", in " + f->function;
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(first ? pal.text : pal.text_dim));
      if (ImGui::Selectable(where.c_str(), false, ImGuiSelectableFlags_None, ImVec2(ImGui::CalcTextSize(where.c_str()).x, 0)) && f->program) {
        click.line = f->line;
        click.event = problem.event;
      }
      ImGui::PopStyleColor();
      // The program's own lines link to the code pane; a module beside it is only named.
      if (f->program && ImGui::IsItemHovered()) ImGui::SetTooltip("Show this line in the code");
      ImGui::PushFont(platform::fonts().mono);
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(first ? pal.error : pal.text_dim));
      for (const std::string& code : f->code) ImGui::Text("    %s", code.c_str());
      ImGui::PopStyleColor();
      ImGui::PopFont();
      ImGui::PopID();
      first = false;
    }
  }
  const int others = tb.other_frames();
  if (others > 0 || first) {
    const bool open = expanded_.count(index) != 0;
    const std::string label = std::string(open ? "\xE2\x96\xBE Hide the other frames" : "\xE2\x96\xB8 Show all frames") +
                              (open ? "" : " (" + std::to_string(others) + " inside asyncio, Python or loopscope)");  // ▾ ▸
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.accent));
    if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_None, ImVec2(ImGui::CalcTextSize(label.c_str()).x, 0))) {
      if (open) expanded_.erase(index);
      else expanded_.insert(index);
    }
    ImGui::PopStyleColor();
    if (open || first) {
      ImGui::PushFont(platform::fonts().mono);
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.text_dim));
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(traceback_text(tb, true).c_str());
      ImGui::PopTextWrapPos();
      ImGui::PopStyleColor();
      ImGui::PopFont();
    }
  }
  ImGui::Unindent();
}

ErrorView::Click ErrorView::Draw(const std::vector<Problem>& problems) {
  Click click;
  const auto& pal = platform::palette();
  if (problems.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.text_dim));
    ImGui::TextUnformatted("No problems. Exceptions, warnings and failed runs show up here.");
    ImGui::PopStyleColor();
    return click;
  }
  for (std::size_t i = 0; i < problems.size(); ++i) {
    const Problem& p = problems[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kind_color(p.kind)));
    ImGui::PushFont(platform::fonts().bold);
    ImGui::Text("[%s]", kind_label(p.kind));
    ImGui::PopFont();
    ImGui::PopStyleColor();
    // The line link before the title, so that a long, wrapped title never pushes it out of sight.
    if (p.line > 0) {
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.accent));
      const std::string link = "line " + std::to_string(p.line);
      if (ImGui::SmallButton(link.c_str())) {
        click.line = p.line;
        click.event = p.event;
      }
      ImGui::PopStyleColor();
    }
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(p.title.c_str());
    ImGui::PopTextWrapPos();
    if (p.traceback.has_frames()) {
      DrawTraceback(p, i, click);
    } else if (!p.detail.empty()) {
      ImGui::Indent();
      ImGui::PushFont(platform::fonts().mono);
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.text_dim));
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(p.detail.c_str());
      ImGui::PopTextWrapPos();
      ImGui::PopStyleColor();
      ImGui::PopFont();
      ImGui::Unindent();
    }
    ImGui::Separator();
    ImGui::PopID();
  }
  return click;
}

}  // namespace loopscope::ui
