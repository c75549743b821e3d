// The lessons shipped in lessons/: all eighteen load, in curriculum order, with what the
// curriculum asks of each (a program, a narrative, exercises from lesson 3 on), and the
// "which task runs next?" quiz on where the lessons promise it.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/lesson_catalog.h"

using namespace loopscope;

TEST_CASE("every shipped lesson loads", "[shipped]") {
  LessonCatalog catalog = load_lessons(LOOPSCOPE_SOURCE_DIR "/lessons");
  REQUIRE(catalog.error.empty());
  REQUIRE(catalog.lessons.size() == 18);
  for (std::size_t i = 0; i < catalog.lessons.size(); ++i) {
    const Lesson& lesson = catalog.lessons[i];
    INFO(lesson.folder << ": " << lesson.error);
    CHECK(lesson.ok());
    CHECK(lesson.order == static_cast<int>(i + 1));
    CHECK(std::filesystem::path(lesson.folder).filename() == lesson.id);
    CHECK_FALSE(lesson.narrative.empty());
    CHECK_FALSE(lesson.expect.empty());
    if (lesson.order >= 3) CHECK_FALSE(lesson.exercises.empty());
    for (const Knob& knob : lesson.knobs) CHECK(knob.env.rfind("LS_", 0) == 0);
  }
}

TEST_CASE("the which-runs-next quiz is on in the lessons about tasks taking turns", "[shipped]") {
  LessonCatalog catalog = load_lessons(LOOPSCOPE_SOURCE_DIR "/lessons");
  for (const char* id : {"03", "04", "06", "07", "14"}) {
    const Lesson* lesson = catalog.find(id);
    REQUIRE(lesson != nullptr);
    CHECK(lesson->which_runs_next);
  }
  CHECK_FALSE(catalog.find("01")->which_runs_next);
}
