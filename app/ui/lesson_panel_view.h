// The lesson side panel: the lesson's text (Markdown), its knobs (sliders, checkboxes, choices),
// the predict-first question answered before the run and checked against the trace after it,
// and the exercises with Start / Show solution and their pass/fail reason.
#pragma once

#include <string>
#include <vector>

#include "core/lesson_catalog.h"
#include "core/markdown_blocks.h"
#include "ui/markdown_view.h"

namespace loopscope::ui {

class App;

class LessonPanelView {
 public:
  void Draw(App& app);

 private:
  void DrawKnobs(App& app, const Lesson& lesson);
  void DrawPredictions(App& app, const Lesson& lesson);
  void DrawExercises(App& app, const Lesson& lesson);
  void DrawScriptInfo(App& app);
  const std::vector<MdBlock>& Blocks(const std::string& key, const std::string& markdown);

  MarkdownView markdown_;
  std::string blocks_key_;
  std::vector<MdBlock> blocks_;
  std::vector<std::string> exercise_keys_;
  std::vector<std::vector<MdBlock>> exercise_blocks_;
};

}  // namespace loopscope::ui
