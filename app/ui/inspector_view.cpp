#include "ui/inspector_view.h"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "core/step_sentence.h"
#include "core/time_format.h"
#include "platform/fonts.h"
#include "platform/theme.h"

namespace loopscope::ui {
namespace {

void dim_text(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(platform::palette().text_dim));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void lane_name_cell(const std::string& name, LaneId lane, const LaneColors& colors, Selection& selection) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  draw->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + h * 0.6f, p.y + h * 0.8f), colors.of(lane), 2.0f);
  ImGui::SetCursorScreenPos(ImVec2(p.x + h * 0.6f + 6, p.y));
  if (ImGui::Selectable(name.c_str(), selection.lane == lane, ImGuiSelectableFlags_SpanAllColumns)) selection.lane = lane;
}

}  // namespace

namespace {

ImU32 task_state_color(TaskState state) {
  const auto& p = platform::palette();
  switch (state) {
    case TaskState::Running: return p.ok;
    case TaskState::Ready: return p.warn;
    case TaskState::Failed: return p.error;
    case TaskState::Suspended: return p.accent;
    default: return p.text_dim;
  }
}

bool line_button(int line) {
  if (line <= 0) return false;
  const std::string label = std::to_string(line);
  return ImGui::SmallButton(label.c_str());
}

void mono_text(std::string_view text) {
  ImGui::PushFont(platform::fonts().mono);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopFont();
}

}  // namespace

int InspectorView::Draw(const Trace& trace, Playhead& playhead, Selection& selection, const LaneColors& colors) {
  int clicked_line = 0;
  if (trace.empty()) {
    dim_text("The inspector shows every task, timer, thread and generator at the playhead once the program ran.");
    return 0;
  }
  // The step at the playhead: the one step every panel shows.
  const EventIndex shown = playhead.position();
  if (shown != cached_position_ || trace.events().size() != cached_events_) {
    state_ = state_at(trace, shown);
    names_.refresh(trace);
    cached_position_ = shown;
    cached_events_ = trace.events().size();
  }
  const StateAt& s = state_;
  const auto& pal = platform::palette();

  ImGui::PushFont(platform::fonts().bold);
  ImGui::Text("Step %u", s.event);
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.text_dim));
  ImGui::Text("at %s", format_ms(s.t).c_str());
  ImGui::PopStyleColor();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(step_sentence(trace, s.event, &names_).c_str());
  if (trace.info().recorded_until >= 0 && s.t >= trace.info().recorded_until) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.warn));
    ImGui::TextUnformatted("The trace reached its event budget before this step: the states below are the last ones "
                           "recorded, not what the program did afterwards.");
    ImGui::PopStyleColor();
  }
  ImGui::PopTextWrapPos();
  if (s.record.line > 0) {
    ImGui::SameLine();
    if (ImGui::SmallButton("show line")) clicked_line = s.record.line;
  }

  const ImGuiTableFlags table_flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  const float line_col = ImGui::CalcTextSize("line 000").x;
  if (!s.tasks.empty() && ImGui::CollapsingHeader("Tasks", ImGuiTreeNodeFlags_DefaultOpen)) {
    if (ImGui::BeginTable("##tasks", 5, table_flags)) {
      ImGui::TableSetupColumn("task", ImGuiTableColumnFlags_WidthStretch, 1.2f);
      ImGui::TableSetupColumn("coroutine", ImGuiTableColumnFlags_WidthStretch, 1.1f);
      ImGui::TableSetupColumn("state", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("not started").x);
      ImGui::TableSetupColumn("awaiting", ImGuiTableColumnFlags_WidthStretch, 1.4f);
      ImGui::TableSetupColumn("line", ImGuiTableColumnFlags_WidthFixed, line_col);
      ImGui::TableHeadersRow();
      for (const TaskAt& t : s.tasks) {
        const Lane& lane = *trace.lane(t.lane);
        ImGui::TableNextRow();
        ImGui::PushID(t.lane);
        ImGui::TableNextColumn();
        lane_name_cell(names_.title(t.lane), t.lane, colors, selection);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", names_.subtitle(t.lane).c_str());
        ImGui::TableNextColumn();
        mono_text(trace.str(lane.detail));
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(task_state_color(t.state)));
        const std::string_view state = to_string(t.state);
        ImGui::TextUnformatted(state.data(), state.data() + state.size());
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        if (!t.blocking.empty()) {
          ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.error));
          ImGui::Text("blocked in %.*s", static_cast<int>(t.blocking.size()), t.blocking.data());
          ImGui::PopStyleColor();
        } else if (t.overdue) {
          ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.error));
          ImGui::Text("%.*s is due: waiting for the loop", static_cast<int>(t.awaiting.size()), t.awaiting.data());
          ImGui::PopStyleColor();
        } else if (t.state == TaskState::Suspended) {
          ImGui::TextUnformatted(t.awaiting.data(), t.awaiting.data() + t.awaiting.size());
        } else if (!t.result.empty()) {
          ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.text_dim));
          ImGui::Text("-> %.*s", static_cast<int>(t.result.size()), t.result.data());
          ImGui::PopStyleColor();
        }
        ImGui::TableNextColumn();
        if (line_button(t.line)) clicked_line = t.line;
        ImGui::PopID();
      }
      ImGui::EndTable();
    }
  }
  for (const LoopAt& loop : s.loops) {
    ImGui::PushID(loop.lane);
    if (ImGui::CollapsingHeader("Event loop", ImGuiTreeNodeFlags_DefaultOpen)) {
      std::string now(to_string(loop.activity));
      if (loop.activity == LoopActivity::Task) now = "running " + lane_title_or_name(trace, loop.task, &names_);
      if (loop.activity == LoopActivity::Callback) now = "callback " + std::string(loop.callback);
      ImGui::Text("Now: %s", now.c_str());
      if (!loop.blocking.empty() || loop.stalled) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.error));
        if (!loop.blocking.empty()) {
          ImGui::Text("Blocked in %.*s: no other task can run", static_cast<int>(loop.blocking.size()), loop.blocking.data());
        } else {
          ImGui::TextUnformatted("Stalled: one step is running too long");
        }
        ImGui::PopStyleColor();
      }
      std::string ready;
      for (LaneId r : loop.ready) ready += (ready.empty() ? "" : ", ") + lane_title_or_name(trace, r, &names_);
      ImGui::Text("Ready queue: %s", ready.empty() ? "(empty)" : ready.c_str());
      if (loop.timers.empty()) {
        ImGui::TextUnformatted("Timers: (none)");
      } else {
        ImGui::TextUnformatted("Timers:");
        for (const TimerAt& t : loop.timers) {
          ImGui::BulletText("%s  %.*s  due in %s", lane_title_or_name(trace, t.task, &names_).c_str(), static_cast<int>(t.label.size()),
                            t.label.data(), format_ms(t.due - s.t).c_str());
        }
      }
    }
    ImGui::PopID();
  }
  if (!s.workers.empty() && ImGui::CollapsingHeader("Worker threads", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (const WorkerAt& w : s.workers) {
      ImGui::PushID(w.lane);
      lane_name_cell(lane_title_or_name(trace, w.lane, &names_), w.lane, colors, selection);
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(w.busy ? pal.ok : pal.text_dim));
      if (w.busy) {
        ImGui::Text("running %.*s%s%s", static_cast<int>(w.job.size()), w.job.data(), w.for_task != kNoLane ? " for " : "",
                    w.for_task != kNoLane ? lane_title_or_name(trace, w.for_task, &names_).c_str() : "");
      } else {
        ImGui::TextUnformatted("idle");
      }
      ImGui::PopStyleColor();
      ImGui::PopID();
    }
  }
  if (!s.gens.empty() && ImGui::CollapsingHeader("Generators", ImGuiTreeNodeFlags_DefaultOpen)) {
    if (ImGui::BeginTable("##gens", 4, table_flags)) {
      ImGui::TableSetupColumn("generator");
      ImGui::TableSetupColumn("state", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("suspended").x);
      ImGui::TableSetupColumn("last value");
      ImGui::TableSetupColumn("line", ImGuiTableColumnFlags_WidthFixed, line_col);
      ImGui::TableHeadersRow();
      for (const GenAt& g : s.gens) {
        ImGui::TableNextRow();
        ImGui::PushID(g.lane);
        ImGui::TableNextColumn();
        lane_name_cell(lane_title_or_name(trace, g.lane, &names_), g.lane, colors, selection);
        ImGui::TableNextColumn();
        const std::string_view state = to_string(g.state);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(g.state == GenState::Running ? pal.ok
                                                                           : g.state == GenState::Suspended ? pal.accent
                                                                                                            : pal.text_dim));
        ImGui::TextUnformatted(state.data(), state.data() + state.size());
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        if (g.has_value) mono_text(g.last_value);
        ImGui::TableNextColumn();
        if (line_button(g.line)) clicked_line = g.line;
        ImGui::PopID();
      }
      ImGui::EndTable();
    }
  }
  if (!s.fields.empty() && ImGui::CollapsingHeader("Event fields")) {
    if (ImGui::BeginTable("##fields", 2, table_flags)) {
      for (const auto& [key, value] : s.fields) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", key.c_str());
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        mono_text(value);
        ImGui::PopTextWrapPos();
      }
      ImGui::EndTable();
    }
  }
  return clicked_line;
}

}  // namespace loopscope::ui
