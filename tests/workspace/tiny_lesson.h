// A tiny lesson written to a temporary folder for the workspace tests: a program that prints
// "a" and "b" in an order a knob swaps (so a prediction has a right answer that depends on the
// knob), imports a module beside it, and one exercise whose start file fails its check.
#pragma once

#include <catch2/catch.hpp>

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "runner/run_session.h"
#include "workspace/workspace.h"

namespace workspace_test {

namespace fs = std::filesystem;

inline const char* kLessonToml = R"(id = "01-tiny"
title = "A tiny lesson"
order = 1
program = "tiny.py"
timeout = 30

[[knob]]
name = "swap"
env = "LS_SWAP"
type = "bool"
default = false
label = "Swap the two lines"

[[knob]]
name = "count"
env = "LS_COUNT"
type = "int"
min = 1
max = 5
default = 2

[[predict]]
id = "first"
question = "Which line comes first?"
[[predict.choice]]
text = "a"
when = { kind = "print_order", texts = ["a", "b"] }
[[predict.choice]]
text = "b"
when = { kind = "print_order", texts = ["b", "a"] }

[[exercise]]
id = "say-c"
title = "Say c"
instructions = "Print c once."
start = "start.py"
solution = "solution.py"
[[exercise.check]]
kind = "print_count"
text = "c"
count = 1
)";

inline const char* kProgram = R"(import os
import helper

first, second = ("b", "a") if os.environ.get("LS_SWAP") == "1" else ("a", "b")
print(first)
print(second)
for i in range(int(os.environ.get("LS_COUNT", "2"))):
    print("n", i, helper.VALUE)
)";

// A lessons folder (and a folder for kept edits) that go away with the test.
struct TinyLesson {
  fs::path root;
  fs::path lessons, lesson, edits;

  TinyLesson() {
    std::string pattern = (fs::temp_directory_path() / "loopscope-workspace-test-XXXXXX").string();
    root = ::mkdtemp(pattern.data());
    lessons = root / "lessons";
    lesson = lessons / "01-tiny";
    edits = root / "edits";
    fs::create_directories(lesson);
    write("lesson.toml", kLessonToml);
    write("lesson.md", "Two lines, in an order a knob decides.\n");
    write("tiny.py", kProgram);
    write("helper.py", "VALUE = 42\n");
    write("start.py", "print('not yet')\n");
    write("solution.py", "print('c')\n");
  }
  ~TinyLesson() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  void write(const std::string& name, const std::string& text) const { std::ofstream(lesson / name) << text; }

  loopscope::WorkspaceConfig config(bool keep_edits_on_disk = false) const {
    loopscope::WorkspaceConfig c;
    c.lessons_dir = lessons.string();
    c.python = loopscope::locate_python("");
    c.timeout_s = 60;
    if (keep_edits_on_disk) c.edits_folder = edits.string();
    return c;
  }
};

// Whether an interpreter is there to run the lesson; says why a test does nothing when not.
inline bool have_python() {
  if (!loopscope::locate_python("").empty()) return true;
  WARN("skipped: no python3 found ($LOOPSCOPE_PYTHON, /usr/bin/python3, PATH)");
  return false;
}

// As the GUI does once a frame: pump until the run ends (the news of every pump added up).
inline loopscope::WorkspaceNews pump_to_end(loopscope::Workspace& ws) {
  loopscope::WorkspaceNews news = ws.TakeNews();
  // Bounded by the lesson's own time limit (the runner stops the child), not by a clock here.
  while (ws.running()) {
    news.add(ws.Pump());
    ::usleep(2000);
  }
  news.add(ws.Pump());
  return news;
}

inline bool printed(const loopscope::Trace& trace, const std::string& text) {
  for (const auto& e : trace.events())
    if (e.kind == loopscope::EventKind::Print && trace.str(e.text) == text) return true;
  return false;
}

}  // namespace workspace_test
