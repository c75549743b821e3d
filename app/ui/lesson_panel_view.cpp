#include "ui/lesson_panel_view.h"

#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "platform/fonts.h"
#include "platform/theme.h"
#include "ui/app.h"

namespace loopscope::ui {
namespace {

void section_title(const char* text) {
  ImGui::Spacing();
  ImGui::PushFont(platform::fonts().small);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(platform::palette().text_dim));
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::Separator();
}

void colored_wrapped(ImU32 color, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

std::string number_text(double value, bool integer) {
  if (integer) return std::to_string(static_cast<long long>(value));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", value);
  return buf;
}

}  // namespace

const std::vector<MdBlock>& LessonPanelView::Blocks(const std::string& key, const std::string& markdown) {
  if (key != blocks_key_) {
    blocks_key_ = key;
    blocks_ = parse_markdown(markdown);
    // The panel already shows the lesson's title above its text: drop a leading level-1 heading.
    if (!blocks_.empty() && blocks_.front().kind == BlockKind::Heading && blocks_.front().level == 1) blocks_.erase(blocks_.begin());
  }
  return blocks_;
}

void LessonPanelView::Draw(App& app) {
  const Lesson* lesson = app.workspace().lesson();
  if (!lesson) {
    DrawScriptInfo(app);
    return;
  }
  const auto& pal = platform::palette();
  ImGui::PushFont(platform::fonts().small);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.accent));
  ImGui::Text("LESSON %d%s%s", lesson->order, lesson->chapter.empty() ? "" : "  \xC2\xB7  ", lesson->chapter.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::PushFont(platform::fonts().heading);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(lesson->title.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  if (!lesson->ok()) {
    colored_wrapped(pal.error, "This lesson did not load: " + lesson->error);
    return;
  }
  ImGui::Spacing();
  markdown_.Draw(Blocks(lesson->id, lesson->narrative));
  if (!lesson->knobs.empty()) DrawKnobs(app, *lesson);
  if (!lesson->predictions.empty()) DrawPredictions(app, *lesson);
  if (!lesson->exercises.empty()) DrawExercises(app, *lesson);
}

void LessonPanelView::DrawScriptInfo(App& app) {
  const auto& pal = platform::palette();
  const Program& program = app.workspace().program();
  ImGui::PushFont(platform::fonts().heading);
  ImGui::TextUnformatted(program.empty() ? "Welcome to loopscope" : "Your script");
  ImGui::PopFont();
  ImGui::Spacing();
  if (program.empty()) {
    static const std::vector<MdBlock> welcome = parse_markdown(
        "loopscope runs real Python on an instrumented event loop and **draws what happened**: "
        "tasks, suspensions, blocking calls, worker threads and generator yields.\n\n"
        "- Pick a lesson from the list above, or\n"
        "- **File > Open script…** to load any `.py` file.\n\n"
        "Press **F5** to run, then step through the run with the arrow keys.");
    markdown_.Draw(welcome);
    return;
  }
  ImGui::PushFont(platform::fonts().mono);
  colored_wrapped(pal.text_dim, program.path);
  ImGui::PopFont();
  ImGui::Spacing();
  ImGui::TextWrapped("Run it with F5 (or the Run button above the code). Every task, await and thread shows up on the timeline.");
  bool live = app.settings().live_reload;
  if (ImGui::Checkbox("Live reload", &live)) app.SetLiveReload(live);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Run again whenever the file changes on disk");
}

void LessonPanelView::DrawKnobs(App& app, const Lesson& lesson) {
  section_title("TRY IT: KNOBS (applied on the next run)");
  KnobValues& values = app.workspace().knob_values();
  for (const Knob& knob : lesson.knobs) {
    ImGui::PushID(knob.name.c_str());
    std::string& value = values[knob.name];
    if (value.empty()) value = knob.default_text();
    const std::string label = knob.label.empty() ? knob.name : knob.label;
    ImGui::SetNextItemWidth(std::max(80.0f, ImGui::GetContentRegionAvail().x * 0.5f));
    bool changed = false;
    switch (knob.type) {
      case Knob::Type::Int: {
        int v = std::atoi(value.c_str());
        changed = ImGui::SliderInt(label.c_str(), &v, static_cast<int>(knob.min), static_cast<int>(knob.max));
        if (changed) value = knob.normalise(number_text(v, true));
        break;
      }
      case Knob::Type::Float: {
        float v = static_cast<float>(std::atof(value.c_str()));
        changed = ImGui::SliderFloat(label.c_str(), &v, static_cast<float>(knob.min), static_cast<float>(knob.max), "%.2f");
        if (changed) value = knob.normalise(number_text(v, false));
        break;
      }
      case Knob::Type::Bool: {
        bool v = value == "1" || value == "true";
        changed = ImGui::Checkbox(label.c_str(), &v);
        if (changed) value = v ? "1" : "0";
        break;
      }
      case Knob::Type::Choice: {
        if (ImGui::BeginCombo(label.c_str(), value.c_str())) {
          for (const std::string& choice : knob.choices) {
            if (ImGui::Selectable(choice.c_str(), choice == value)) value = choice, changed = true;
          }
          ImGui::EndCombo();
        }
        break;
      }
    }
    if (!knob.help.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", knob.help.c_str());
    ImGui::PopID();
  }
  if (ImGui::Button("Run with these values")) app.StartRun();
  ImGui::SameLine();
  if (ImGui::Button("Defaults")) values = default_knob_values(lesson);
}

void LessonPanelView::DrawPredictions(App& app, const Lesson& lesson) {
  const auto& pal = platform::palette();
  section_title("PREDICT FIRST");
  std::vector<int>& choices = app.workspace().prediction_choices();
  choices.resize(lesson.predictions.size(), -1);
  const RunVerdict& verdict = app.workspace().verdict();
  for (std::size_t p = 0; p < lesson.predictions.size(); ++p) {
    const Prediction& pred = lesson.predictions[p];
    ImGui::PushID(static_cast<int>(p));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushFont(platform::fonts().bold);
    ImGui::TextUnformatted(pred.question.c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    const bool answered = verdict.evaluated && p < verdict.correct.size();
    for (std::size_t c = 0; c < pred.choices.size(); ++c) {
      ImGui::PushID(static_cast<int>(c));
      const bool right = answered && verdict.correct[p] == static_cast<int>(c);
      if (right) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.ok));
      if (ImGui::RadioButton(pred.choices[c].text.c_str(), choices[p] == static_cast<int>(c))) choices[p] = static_cast<int>(c);
      if (right) {
        ImGui::SameLine();
        ImGui::TextUnformatted("\xE2\x9C\x93 what happened");  // ✓
        ImGui::PopStyleColor();
      }
      ImGui::PopID();
    }
    if (answered) {
      if (choices[p] < 0) {
        colored_wrapped(pal.text_dim, "Pick an answer before the next run, then compare.");
      } else if (choices[p] == verdict.correct[p]) {
        colored_wrapped(pal.ok, "Your prediction was right.");
      } else {
        colored_wrapped(pal.warn, verdict.correct[p] < 0 ? "This run matched none of the answers." : "Not quite: look at the timeline.");
      }
      if (!pred.explain.empty()) colored_wrapped(pal.text_dim, pred.explain);
    } else if (choices[p] >= 0) {
      colored_wrapped(pal.text_dim, "Now run the program (F5) and see.");
    }
    ImGui::PopID();
  }
}

void LessonPanelView::DrawExercises(App& app, const Lesson& lesson) {
  const auto& pal = platform::palette();
  section_title("EXERCISES");
  if (exercise_keys_.size() != lesson.exercises.size() || (exercise_keys_.size() > 0 && exercise_keys_[0] != lesson.id)) {
    exercise_keys_.assign(lesson.exercises.size(), lesson.id);
    exercise_blocks_.clear();
    for (const Exercise& ex : lesson.exercises) exercise_blocks_.push_back(parse_markdown(ex.instructions));
  }
  const Workspace& workspace = app.workspace();
  const RunVerdict& verdict = workspace.verdict();
  for (std::size_t i = 0; i < lesson.exercises.size(); ++i) {
    const Exercise& ex = lesson.exercises[i];
    ImGui::PushID(static_cast<int>(i));
    const bool passed_before = app.settings().passed.count(lesson.id + "/" + ex.id) != 0;
    ImGui::PushFont(platform::fonts().bold);
    if (passed_before) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.ok));
      ImGui::TextUnformatted("\xE2\x9C\x93");
      ImGui::PopStyleColor();
      ImGui::SameLine();
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(ex.title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    markdown_.Draw(exercise_blocks_[i]);
    const Program& program = workspace.program();
    const bool active = program.exercise == static_cast<int>(i);
    if (active && !program.solution) {
      ImGui::BeginDisabled(!program.dirty());
      if (ImGui::Button("Start over")) app.ResetProgram();  // asks first
      ImGui::EndDisabled();
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Back to the exercise's start file (asks first)");
    } else {
      const bool kept = workspace.edits().exercise_edited(lesson.id, ex.id);
      if (ImGui::Button(kept ? "Continue" : "Start")) app.StartExercise(static_cast<int>(i));
      if (kept && ImGui::IsItemHovered()) ImGui::SetTooltip("Your answer so far is kept: carry on where you left off");
    }
    ImGui::SameLine();
    if (ImGui::Button("Show solution")) app.ShowSolution(static_cast<int>(i));
    if (active) {
      ImGui::SameLine();
      if (ImGui::Button("Check (run)")) app.StartRun();
    }
    if (verdict.evaluated && verdict.exercise == static_cast<int>(i)) {
      const bool passed = verdict.exercise_passed();
      colored_wrapped(passed ? pal.ok : pal.error,
                      std::string(passed ? "\xE2\x9C\x93 Passed: " : "\xE2\x9C\x97 Not yet: ") + verdict.judged.reason);
    }
    ImGui::Spacing();
    ImGui::PopID();
  }
}

}  // namespace loopscope::ui
