// The learner's edits in the workspace: an edited program runs from a private copy (the shipped
// file untouched, the modules beside it still found), the edit is kept across lessons and
// restarts, and a reset drops it with everything its run left.
#include <catch2/catch.hpp>

#include "core/file_text.h"
#include "tiny_lesson.h"

using namespace loopscope;
using namespace workspace_test;

namespace {
const std::string kEdited = "import helper\nprint('edited', helper.VALUE)\n";
}  // namespace

TEST_CASE("an edited program runs from its edited copy, and the edit is kept", "[workspace][edits]") {
  if (!have_python()) return;
  TinyLesson tiny;
  const std::string shipped = (tiny.lesson / "tiny.py").string();
  {
    Workspace ws(tiny.config(/*keep_edits_on_disk=*/true));
    REQUIRE(ws.OpenLesson(0));
    ws.program().text = kEdited;
    CHECK(ws.program().dirty());
    ws.StartRun();
    const std::string copy = ws.run_files().run_path;
    CHECK(copy != shipped);
    CHECK(fs::path(copy).filename() == "tiny.py");
    CHECK(ws.run_files().shown_name == "tiny.py");
    CHECK(ws.current_setup().edited);
    pump_to_end(ws);
    CHECK(ws.trace().info().status == EndStatus::Finished);
    CHECK(printed(ws.trace(), "edited 42"));
    CHECK(file_text(shipped) == kProgram);        // the shipped file is never written
    CHECK_FALSE(fs::exists(copy));                // nor is anything left behind
    CHECK(ws.program().dirty());
    ws.KeepEditNow();  // as the App does at exit (else once typing pauses)
    CHECK(ws.edits().lesson_edited("01-tiny"));
  }
  // Another session over the same edits folder: the lesson opens with the learner's text.
  Workspace again(tiny.config(/*keep_edits_on_disk=*/true));
  REQUIRE(again.OpenLesson(0));
  CHECK(again.program().text == kEdited);
  CHECK(again.program().original == kProgram);

  SECTION("a reset drops the edit and the run of the edited text") {
    again.StartRun();
    pump_to_end(again);
    REQUIRE(again.has_run());
    again.ResetProgram();
    CHECK(again.program().text == kProgram);
    CHECK_FALSE(again.has_run());
    CHECK(again.trace().empty());
    CHECK(again.problems().empty());  // not even the old process's output
    CHECK_FALSE(again.edits().lesson_edited("01-tiny"));
    CHECK(again.TakeNews().new_trace);
  }
}

TEST_CASE("an edit is kept per lesson program and exercise, a solution never", "[workspace][edits]") {
  TinyLesson tiny;
  Workspace ws(tiny.config());  // edits in memory
  REQUIRE(ws.OpenLesson(0));
  ws.program().text = "print('mine')\n";
  REQUIRE(ws.StartExercise(0));  // leaving the program keeps its edit
  CHECK(ws.program().text == "print('not yet')\n");
  ws.program().text = "print('c')\n";
  REQUIRE(ws.ShowSolution(0));
  CHECK(ws.edits().exercise_edited("01-tiny", "say-c"));
  ws.program().text = "print('changed the solution')\n";
  REQUIRE(ws.OpenLesson(0));
  CHECK(ws.program().text == "print('mine')\n");
  REQUIRE(ws.StartExercise(0));
  CHECK(ws.program().text == "print('c')\n");
  REQUIRE(ws.ShowSolution(0));
  CHECK(ws.program().text == "print('c')\n");  // the solution as shipped
}

TEST_CASE("an answer from elsewhere is judged as the exercise, and never kept as its edit", "[workspace][edits]") {
  if (!have_python()) return;
  TinyLesson tiny;
  const fs::path answer = tiny.root / "my_answer.py";
  std::ofstream(answer) << "print('c')\n";
  Workspace ws(tiny.config());
  REQUIRE(ws.OpenLesson(0));
  std::string error;
  CHECK_FALSE(ws.OpenAnswer(0, (tiny.root / "none.py").string(), &error));
  CHECK_FALSE(error.empty());
  REQUIRE(ws.OpenAnswer(0, answer.string(), &error));
  CHECK(ws.program().exercise == 0);
  ws.StartRun();
  pump_to_end(ws);
  CHECK(ws.verdict().exercise_passed());
  ws.program().text = "print('edited answer')\n";
  ws.KeepEditNow();
  CHECK_FALSE(ws.edits().exercise_edited("01-tiny", "say-c"));
}
