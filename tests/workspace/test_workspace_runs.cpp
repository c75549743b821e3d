// The workspace headless, as the GUI and `loopscope check` drive it: a lesson opened, a knob
// set, runs pumped to their end, judged, kept for comparing, and failures told as problems.
#include <catch2/catch.hpp>

#include "tiny_lesson.h"

#include <fstream>

#include "core/chrome_export.h"
#include "core/file_text.h"
#include "core/trace_io.h"

using namespace loopscope;
using namespace workspace_test;

TEST_CASE("opening a lesson gives its program, default knobs and no run yet", "[workspace]") {
  TinyLesson tiny;
  Workspace ws(tiny.config());
  REQUIRE(ws.catalog().lessons.size() == 1);
  REQUIRE(ws.OpenLessonByKey("01"));
  REQUIRE(ws.lesson() != nullptr);
  CHECK(ws.lesson()->id == "01-tiny");
  CHECK(ws.program().text == kProgram);
  CHECK_FALSE(ws.program().dirty());
  CHECK(ws.knob_values().at("swap") == "0");
  CHECK(ws.knob_values().at("count") == "2");
  CHECK(ws.prediction_choices() == std::vector<int>{-1});
  CHECK_FALSE(ws.has_run());
  CHECK(ws.trace().empty());
  CHECK(ws.TakeNews().new_trace);
  CHECK_FALSE(ws.OpenLessonByKey("99"));
  CHECK_FALSE(ws.OpenLesson(5));
  CHECK(ws.lesson()->id == "01-tiny");  // a failed open changes nothing
}

TEST_CASE("a knob is checked against the lesson", "[workspace]") {
  TinyLesson tiny;
  Workspace ws(tiny.config());
  REQUIRE(ws.OpenLesson(0));
  ws.SetKnob("swap", "on");
  CHECK(ws.knob_values().at("swap") == "1");
  ws.SetKnob("count", "99");
  CHECK(ws.knob_values().at("count") == "5");  // clamped to the knob's range
  ws.SetKnob("nosuch", "1");
  CHECK(ws.knob_values().count("nosuch") == 0);
}

TEST_CASE("a run is pumped to its end and judged, and the next run archives it", "[workspace]") {
  if (!have_python()) return;
  TinyLesson tiny;
  Workspace ws(tiny.config());
  REQUIRE(ws.OpenLesson(0));
  ws.TakeNews();

  ws.StartRun();
  CHECK(ws.running());
  WorkspaceNews news = pump_to_end(ws);
  CHECK(news.new_trace);
  CHECK(news.run_started);
  CHECK(news.events_arrived);
  CHECK(news.run_ended);
  CHECK_FALSE(news.show_problems);
  REQUIRE(ws.trace().info().status == EndStatus::Finished);
  CHECK(printed(ws.trace(), "a"));
  CHECK(printed(ws.trace(), "n 1 42"));  // the module beside the program was imported
  CHECK(ws.verdict().evaluated);
  CHECK(ws.verdict().correct == std::vector<int>{0});  // "a" came first
  CHECK_FALSE(any_failure(ws.problems()));
  CHECK(ws.history().runs().empty());

  SECTION("a knob changes the run, and the run before it is kept") {
    ws.SetKnob("swap", "1");
    ws.StartRun();
    pump_to_end(ws);
    REQUIRE(ws.trace().info().status == EndStatus::Finished);
    CHECK(ws.verdict().correct == std::vector<int>{1});  // now "b" came first
    REQUIRE(ws.history().runs().size() == 1);
    const RunHistory::PastRun& past = ws.history().runs().front();
    CHECK(printed(*past.trace, "a"));
    CHECK(past.setup.number == 1);
    CHECK(past.setup.knobs.at("swap") == "0");
    CHECK(ws.current_setup().number == 2);

    CHECK(ws.PinnedTrace() == nullptr);
    CHECK(ws.ComparisonTitles().first.empty());
    REQUIRE(ws.PinLastRun());
    CHECK(ws.PinnedTrace() == past.trace.get());
    CHECK(ws.ComparisonTitles() == std::pair<std::string, std::string>{"swap = off", "swap = on"});
    CHECK(ws.PastRunTitle(0) == "swap = off");
    ws.Unpin();
    CHECK(ws.PinnedTrace() == nullptr);
    CHECK(ws.ComparisonTitles().second.empty());
    CHECK_FALSE(ws.Pin(1));

    SECTION("another lesson or program forgets the runs") {
      REQUIRE(ws.PinLastRun());
      REQUIRE(ws.OpenLesson(0));
      CHECK(ws.history().runs().empty());
      CHECK(ws.PinnedTrace() == nullptr);
      CHECK_FALSE(ws.verdict().evaluated);
    }
  }
}

TEST_CASE("a run blocks to its end for the CLI, with the same verdict", "[workspace]") {
  if (!have_python()) return;
  TinyLesson tiny;
  Workspace ws(tiny.config());
  REQUIRE(ws.OpenLesson(0));
  ws.StartRun();
  ws.FinishRunBlocking(120);
  CHECK_FALSE(ws.running());
  const WorkspaceNews news = ws.TakeNews();
  CHECK(news.events_arrived);
  CHECK(news.run_ended);
  CHECK(ws.trace().info().status == EndStatus::Finished);
  CHECK(ws.verdict().correct == std::vector<int>{0});
}

TEST_CASE("an exercise: the start file fails, the solution passes, a learner's pass is news", "[workspace]") {
  if (!have_python()) return;
  TinyLesson tiny;
  Workspace ws(tiny.config());
  REQUIRE(ws.OpenLesson(0));
  CHECK_FALSE(ws.StartExercise(3));

  REQUIRE(ws.StartExercise(0));
  CHECK(ws.program().exercise == 0);
  CHECK(ws.program().title == "start.py (exercise)");
  ws.StartRun();
  WorkspaceNews news = pump_to_end(ws);
  CHECK(ws.verdict().exercise == 0);
  CHECK_FALSE(ws.verdict().exercise_passed());
  CHECK(ws.verdict().judged.reason.find("Expected") != std::string::npos);
  CHECK(news.exercise_passed.empty());

  REQUIRE(ws.ShowSolution(0));
  ws.StartRun();
  news = pump_to_end(ws);
  CHECK(ws.verdict().exercise_passed());
  CHECK(news.exercise_passed.empty());  // the reference solution passing is not the learner's pass

  REQUIRE(ws.StartExercise(0));
  ws.program().text = "print('c')\n";
  ws.StartRun();
  news = pump_to_end(ws);
  CHECK(ws.verdict().exercise_passed());
  CHECK(news.exercise_passed == "01-tiny/say-c");
}

TEST_CASE("an uncaught exception is a problem on its line, and the problems tab comes forward", "[workspace]") {
  if (!have_python()) return;
  TinyLesson tiny;
  Workspace ws(tiny.config());
  REQUIRE(ws.OpenLesson(0));
  ws.program().text = "print('before')\nprint(1 / 0)\n";
  ws.StartRun();
  const WorkspaceNews news = pump_to_end(ws);
  CHECK(news.show_problems);
  REQUIRE(any_failure(ws.problems()));
  const Problem* error = first_error_on_a_line(ws.problems());
  REQUIRE(error != nullptr);
  CHECK(error->line == 2);
  CHECK(error->title.find("ZeroDivisionError") != std::string::npos);
  CHECK(error->detail.find("tiny.py") != std::string::npos);  // named as the learner knows it
}

TEST_CASE("a missing interpreter is a problem, not a crash", "[workspace]") {
  TinyLesson tiny;
  WorkspaceConfig config = tiny.config();
  config.python = (tiny.root / "no-python-here").string();
  Workspace ws(config);
  REQUIRE(ws.StartExercise(0) == false);  // no lesson open yet
  REQUIRE(ws.OpenLesson(0));
  REQUIRE(ws.StartExercise(0));
  ws.StartRun();
  const WorkspaceNews news = ws.Pump();
  CHECK_FALSE(ws.running());
  CHECK(ws.has_run());
  CHECK(news.run_ended);
  CHECK(news.show_problems);
  CHECK(ws.trace().info().status == EndStatus::TracerError);
  REQUIRE_FALSE(ws.problems().empty());
  CHECK(ws.problems().front().kind == Problem::Kind::RunFailed);
  CHECK(ws.problems().front().title.find("no-python-here") != std::string::npos);
  // The exercise's verdict says why; no prediction is held against a run that never ran.
  CHECK(ws.verdict().exercise == 0);
  CHECK_FALSE(ws.verdict().exercise_passed());
  CHECK(ws.verdict().judged.reason.find("no-python-here") != std::string::npos);
  CHECK(ws.verdict().correct.empty());
  ws.StartRun();  // and again: still no crash
  CHECK(ws.trace().info().status == EndStatus::TracerError);
}

TEST_CASE("a script and a saved trace open from disk, and a bad path is a problem", "[workspace]") {
  if (!have_python()) return;
  TinyLesson tiny;
  Workspace ws(tiny.config());
  REQUIRE(ws.OpenLesson(0));
  std::string error;
  const std::string script = (tiny.lesson / "solution.py").string();
  REQUIRE(ws.OpenPathBlocking(script, &error));
  WorkspaceNews news = ws.TakeNews();
  CHECK(news.script_opened);
  CHECK(ws.lesson() == nullptr);
  CHECK(ws.knob_values().empty());
  CHECK(ws.program().title == "solution.py");
  ws.StartRun();
  pump_to_end(ws);
  CHECK(printed(ws.trace(), "c"));
  CHECK(ws.verdict().evaluated);

  CHECK_FALSE(ws.OpenPathBlocking((tiny.root / "missing.py").string(), &error));
  CHECK(error.find("missing.py") != std::string::npos);
  CHECK(ws.TakeNews().show_problems);
  CHECK(ws.program().title == "solution.py");  // what was open stays open

  REQUIRE(ws.OpenPathBlocking(LOOPSCOPE_TEST_TRACE, &error));
  news = ws.TakeNews();
  CHECK(news.trace_opened);
  CHECK(news.new_trace);
  CHECK(news.message == "Opened trace blocking_trace.jsonl");
  CHECK(ws.has_run());
  CHECK_FALSE(ws.trace().empty());
  CHECK(ws.history().runs().empty());  // a saved trace is not a run of this program
}

TEST_CASE("a saved trace cut short opens with what it holds, and says that it is damaged and where", "[workspace]") {
  TinyLesson tiny;
  Workspace ws(tiny.config());
  Trace saved;
  std::string error;
  REQUIRE(load_trace_file(LOOPSCOPE_TEST_TRACE, saved, &error));
  const std::string whole_path = (tiny.root / "whole.json").string();
  REQUIRE(save_chrome_trace(saved, whole_path, &error));
  std::string text;
  REQUIRE(read_text_file(whole_path, text));
  // Cut in the middle of the embedded stream's 20th record, as a full disk would.
  std::size_t cut = text.find("\"events\":[\n");
  REQUIRE(cut != std::string::npos);
  for (int line = 0; line < 20; ++line) cut = text.find('\n', cut) + 1;
  const std::string cut_path = (tiny.root / "cut.json").string();
  std::ofstream(cut_path, std::ios::binary) << text.substr(0, cut + 4);

  REQUIRE(ws.OpenPathBlocking(cut_path, &error));
  const WorkspaceNews news = ws.TakeNews();
  CHECK(news.trace_opened);
  CHECK(news.message.find("Opened trace cut.json, damaged") == 0);
  CHECK(news.show_problems);
  CHECK(ws.trace().events().size() >= 19);
  CHECK(ws.trace().events().size() < saved.events().size());
  bool told = false;
  for (const Problem& p : ws.problems()) told = told || p.detail.find("line 20 of its event stream") != std::string::npos;
  CHECK(told);

  // The whole file opens without a word of damage.
  REQUIRE(ws.OpenPathBlocking(whole_path, &error));
  CHECK(ws.TakeNews().message == "Opened trace whole.json");
}
