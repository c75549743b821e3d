// An edited lesson program runs from a private copy and still behaves like the original: it
// imports the modules beside the original, runs in the lesson's folder, its traceback names
// the file as the learner knows it, and nothing is left behind.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/file_text.h"
#include "core/python_traceback.h"
#include "runner/edited_copy.h"
#include "runner/lesson_run.h"
#include "runner_helpers.h"

using namespace loopscope;
using namespace runner_test;
namespace fs = std::filesystem;

namespace {

struct LessonFolder {
  fs::path path;
  LessonFolder() {
    std::string pattern = (fs::temp_directory_path() / "loopscope-lesson-test-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
    std::ofstream(path / "helper.py") << "VALUE = 42\n\ndef divide(x):\n    return x / 0\n";
    std::ofstream(path / "prog.py") << "print('shipped')\n";
  }
  ~LessonFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  Lesson lesson() const {
    Lesson l;
    l.id = "test-lesson";
    l.folder = path.string();
    l.timeout_s = 60;
    return l;
  }
};

RunRequest edited_request(const LessonFolder& folder, const EditedCopy& copy) {
  RunRequest r = lesson_run_request(folder.lesson(), copy.path());
  r.python = "/usr/bin/python3";
  return r;
}

std::string first_exception_traceback(const Trace& trace) {
  for (const Event& e : trace.events())
    if (e.kind == EventKind::Exception) return std::string(trace.str(e.extra));
  return {};
}

}  // namespace

TEST_CASE("an edited program imports a module beside the original and runs in the lesson folder", "[runner]") {
  LessonFolder folder;
  EditedCopy copy;
  std::string error;
  REQUIRE(copy.write((folder.path / "prog.py").string(),
                     "import os, helper\nprint('edited', helper.VALUE)\nprint(os.path.basename(os.getcwd()))\n", &error));
  REQUIRE(fs::path(copy.path()).filename() == "prog.py");
  REQUIRE(fs::path(copy.path()).parent_path() != folder.path);
  const Trace trace = run_to_completion(edited_request(folder, copy));
  CHECK(trace.info().status == EndStatus::Finished);
  CHECK(printed(trace, "edited 42"));
  CHECK(printed(trace, folder.path.filename().string()));
  CHECK(file_text((folder.path / "prog.py").string()) == "print('shipped')\n");
}

TEST_CASE("the traceback of an edited program names the learner's files", "[runner]") {
  LessonFolder folder;
  EditedCopy copy;
  std::string error;
  REQUIRE(copy.write((folder.path / "prog.py").string(),
                     "import asyncio, helper\n\nasync def main():\n    await asyncio.sleep(0)\n    helper.divide(1)\n\nasyncio.run(main())\n",
                     &error));
  const Trace trace = run_to_completion(edited_request(folder, copy));
  REQUIRE(trace.info().status == EndStatus::Failed);
  const std::string text = first_exception_traceback(trace);
  REQUIRE(text.find(copy.path()) != std::string::npos);  // Python names the copy ...
  const ProgramFiles files{copy.path(), "prog.py", folder.path.string()};
  const Traceback tb = parse_traceback(text, files);
  const TracebackFrame* own = tb.error_frame();
  REQUIRE(own != nullptr);
  CHECK(own->shown == "helper.py");  // ... the learner reads their own names, their frame first
  CHECK(own->line == 4);
  CHECK(tb.own_frames() == 3);
  CHECK(tb.other_frames() >= 2);  // asyncio's, folded behind "show all"
  const std::string folded = traceback_text(tb, false);
  CHECK(folded.find("File \"prog.py\", line 5, in main") != std::string::npos);
  CHECK(folded.find("runners.py") == std::string::npos);  // asyncio's own files are folded
  CHECK(folded.find(copy.path()) == std::string::npos);
  CHECK(traceback_text(tb, true).find("base_events.py") != std::string::npos);
}

TEST_CASE("the copy is removed after the run, and copies of crashed processes are swept", "[runner]") {
  LessonFolder folder;
  std::string copy_folder;
  {
    EditedCopy copy;
    std::string error;
    REQUIRE(copy.write((folder.path / "prog.py").string(), "print(1)\n", &error));
    copy_folder = fs::path(copy.path()).parent_path().string();
    REQUIRE(fs::exists(copy_folder));
    copy.remove();
    REQUIRE_FALSE(fs::exists(copy_folder));
    REQUIRE(copy.write((folder.path / "prog.py").string(), "print(2)\n", &error));
    copy_folder = fs::path(copy.path()).parent_path().string();
  }
  REQUIRE_FALSE(fs::exists(copy_folder));  // gone with its owner

  // A process that has ended: its pid names a stale folder; ours stays.
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  const fs::path stale = fs::temp_directory_path() / ("loopscope-edit-" + std::to_string(child) + "-0");
  const fs::path live = fs::temp_directory_path() / ("loopscope-edit-" + std::to_string(::getpid()) + "-999");
  fs::create_directories(stale);
  fs::create_directories(live);
  std::ofstream(stale / "prog.py") << "x\n";
  CHECK(sweep_stale_copies() >= 1);
  CHECK_FALSE(fs::exists(stale));
  CHECK(fs::exists(live));
  fs::remove_all(live);
}

TEST_CASE("the lesson folder goes first on PYTHONPATH only for a script from elsewhere", "[runner]") {
  LessonFolder folder;
  const Lesson lesson = folder.lesson();
  auto python_path = [](const RunRequest& r) {
    for (const auto& [name, value] : r.env)
      if (name == "PYTHONPATH") return value;
    return std::string();
  };
  CHECK(python_path(lesson_run_request(lesson, (folder.path / "prog.py").string())).empty());
  const std::string elsewhere = python_path(lesson_run_request(lesson, "/somewhere/answer.py"));
  CHECK(elsewhere.rfind(folder.path.string(), 0) == 0);
}
