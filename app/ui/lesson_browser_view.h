// The lesson browser: chapters and their lessons in order, the current one highlighted, a tick
// on lessons whose exercises all passed, a dot on lessons the learner edited, and a filter box.
#pragma once

#include <set>
#include <string>

#include "core/edits_store.h"
#include "core/lesson_catalog.h"

namespace loopscope::ui {

// True when every exercise of `lesson` is in `passed` ("lesson-id/exercise-id"), and it has any.
bool lesson_completed(const Lesson& lesson, const std::set<std::string>& passed);
// Case-insensitive match of `filter` against the lesson's title, chapter, id and summary.
bool lesson_matches(const Lesson& lesson, const std::string& filter);

class LessonBrowserView {
 public:
  // Returns the index of a lesson the user picked, or -1.
  int Draw(const LessonCatalog& catalog, int current, const std::set<std::string>& passed, const EditsStore* edits = nullptr);

 private:
  std::string filter_;
};

}  // namespace loopscope::ui
