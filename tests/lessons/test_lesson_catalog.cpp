// The catalog on lesson folders written to a temporary directory: good lessons load, broken
// ones carry an error with file and line and never hide the others; knobs become env values.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "core/lesson_catalog.h"
#include "core/run_titles.h"
#include "lesson_trace_fixture.h"

using namespace loopscope;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

// A lessons folder with one good lesson and three broken ones; removed at the end.
struct LessonsDir {
  fs::path root = fs::temp_directory_path() / ("loopscope-lessons-test-" + std::to_string(::getpid()));

  LessonsDir() {
    fs::remove_all(root);
    write(root / "02-good/lesson.md", "# Good\n");
    write(root / "02-good/prog.py", "print('hi')\n");
    write(root / "02-good/start.py", "print('start')\n");
    write(root / "02-good/solution.py", "print('done')\n");
    write(root / "02-good/lesson.toml", R"(id = "02-good"
title = "A good lesson"
chapter = "Tests"
order = 2
program = "prog.py"
screenshot_step = 5
screenshot_select = "side"
which_runs_next = true

[[requires]]
module = "aiofiles"
package = "python3-aiofiles"

[[knob]]
name = "tasks"
type = "int"
min = 1
max = 8
default = 3

[[knob]]
name = "delay"
env = "LS_DELAY"
type = "float"
min = 0.1
max = 1.0
default = 0.25

[[knob]]
name = "blocking"
type = "bool"
default = true

[[knob]]
name = "mode"
type = "choice"
choices = ["io", "cpu"]
default = "io"

[[predict]]
id = "first"
question = "What is printed first?"
[[predict.choice]]
text = "main: start"
when = { kind = "first_print", text = "main: start" }
[[predict.choice]]
text = "side tick 0"
when = { kind = "first_print", text = "side tick 0" }

[[expect]]
kind = "printed_by"
text = "side tick*"
lane = "side"
what = "The side task ticks"

[[exercise]]
id = "ex"
title = "An exercise"
instructions = "Do it."
start = "start.py"
solution = "solution.py"
[[exercise.check]]
kind = "no_stall"
)");
    write(root / "01-syntax/lesson.md", "# Broken\n");
    write(root / "01-syntax/prog.py", "");
    write(root / "01-syntax/lesson.toml", "id = \"01-syntax\"\ntitle = \"Broken\"\nprogram = = \"prog.py\"\n");
    write(root / "03-badcheck/lesson.md", "# Bad check\n");
    write(root / "03-badcheck/prog.py", "");
    write(root / "03-badcheck/lesson.toml",
          "id = \"03-badcheck\"\ntitle = \"Bad\"\norder = 3\nprogram = \"prog.py\"\n\n[[expect]]\nkind = \"telepathy\"\n");
    write(root / "04-noprog/lesson.md", "# No program\n");
    write(root / "04-noprog/lesson.toml", "id = \"04-noprog\"\ntitle = \"No program\"\norder = 4\nprogram = \"gone.py\"\n");
    write(root / "not-a-lesson/readme.txt", "no lesson.toml here\n");
  }
  ~LessonsDir() { fs::remove_all(root); }
};

const Lesson& by_id(const LessonCatalog& c, const std::string& id) {
  const Lesson* l = c.find(id);
  REQUIRE(l != nullptr);
  return *l;
}

}  // namespace

TEST_CASE("a good lesson loads with all its parts", "[catalog]") {
  LessonsDir dir;
  LessonCatalog catalog = load_lessons(dir.root.string());
  REQUIRE(catalog.error.empty());
  REQUIRE(catalog.lessons.size() == 4);
  const Lesson& good = by_id(catalog, "02-good");
  INFO(good.error);
  REQUIRE(good.ok());
  CHECK(good.title == "A good lesson");
  CHECK(good.narrative == "# Good\n");
  CHECK(fs::path(good.main_path) == dir.root / "02-good/prog.py");
  CHECK(good.programs == std::vector<std::string>{"prog.py", "solution.py", "start.py"});
  REQUIRE(good.requires_modules.size() == 1);
  CHECK(good.requires_modules[0].debian_package == "python3-aiofiles");
  REQUIRE(good.knobs.size() == 4);
  CHECK(good.knobs[0].env == "LS_TASKS");  // derived from the name
  REQUIRE(good.predictions.size() == 1);
  CHECK(good.predictions[0].choices.size() == 2);
  REQUIRE(good.expect.size() == 1);
  CHECK(good.expect[0].args.at("lane") == "side");
  CHECK(describe_check(good.expect[0]) == "The side task ticks");
  REQUIRE(good.exercises.size() == 1);
  CHECK(fs::path(good.exercises[0].solution_path) == dir.root / "02-good/solution.py");
  CHECK(good.exercises[0].checks.size() == 1);
  CHECK(good.screenshot_step == 5);
  CHECK(good.screenshot_select == "side");
  CHECK(good.which_runs_next);
}

TEST_CASE("broken lessons say what and where, and the others still load", "[catalog]") {
  LessonsDir dir;
  LessonCatalog catalog = load_lessons(dir.root.string());
  const Lesson& syntax = by_id(catalog, "01-syntax");  // found by folder name
  CHECK_FALSE(syntax.ok());
  CHECK(syntax.error.find("lesson.toml:3:") != std::string::npos);
  const Lesson& check = by_id(catalog, "03-badcheck");
  INFO(check.error);
  CHECK(check.error.find("lesson.toml:6: unknown check kind 'telepathy'") != std::string::npos);
  const Lesson& noprog = by_id(catalog, "04-noprog");
  CHECK(noprog.error.find("gone.py") != std::string::npos);
  CHECK(by_id(catalog, "02-good").ok());
}

TEST_CASE("lessons are ordered and found by id, folder or number", "[catalog]") {
  LessonsDir dir;
  LessonCatalog catalog = load_lessons(dir.root.string());
  // The syntax error leaves order 0, so it sorts first; the rest by their order.
  CHECK(fs::path(catalog.lessons[0].folder).filename() == "01-syntax");
  CHECK(catalog.lessons[1].id == "02-good");
  CHECK(catalog.find("2") == catalog.find("02-good"));
  CHECK(catalog.find("02") == catalog.find("02-good"));
  CHECK(catalog.find("9") == nullptr);
  CHECK(catalog.find("nope") == nullptr);
}

TEST_CASE("a missing lessons folder is an error, not a crash", "[catalog]") {
  LessonCatalog catalog = load_lessons("/nonexistent/loopscope/lessons");
  CHECK_FALSE(catalog.error.empty());
  CHECK(catalog.lessons.empty());
  CHECK(locate_lessons("/nonexistent/loopscope/lessons").empty());
  LessonsDir dir;
  CHECK(locate_lessons(dir.root.string()) == dir.root.string());
}

TEST_CASE("knobs become environment variables", "[catalog]") {
  LessonsDir dir;
  LessonCatalog catalog = load_lessons(dir.root.string());
  const Lesson& good = by_id(catalog, "02-good");
  using Env = std::vector<std::pair<std::string, std::string>>;
  CHECK(knob_env(good) == Env{{"LS_TASKS", "3"}, {"LS_DELAY", "0.25"}, {"LS_BLOCKING", "1"}, {"LS_MODE", "io"}});
  KnobValues values{{"tasks", "12"}, {"delay", "0.5"}, {"blocking", "false"}, {"mode", "cpu"}};
  CHECK(knob_env(good, values) == Env{{"LS_TASKS", "8"}, {"LS_DELAY", "0.5"}, {"LS_BLOCKING", "0"}, {"LS_MODE", "cpu"}});
  KnobValues junk{{"tasks", "many"}, {"delay", "-1"}, {"blocking", "maybe"}, {"mode", "gpu"}};
  CHECK(knob_env(good, junk) == Env{{"LS_TASKS", "3"}, {"LS_DELAY", "0.1"}, {"LS_BLOCKING", "1"}, {"LS_MODE", "io"}});
  CHECK(default_knob_values(good).at("blocking") == "1");
}

TEST_CASE("the right prediction is derived from the trace", "[catalog]") {
  LessonsDir dir;
  LessonCatalog catalog = load_lessons(dir.root.string());
  const Lesson& good = by_id(catalog, "02-good");
  const Trace trace = lesson_fixtures::make(lesson_fixtures::kStory);
  CHECK(correct_choice(good.predictions[0], trace) == 0);
  CHECK(correct_choice(good.predictions[0], Trace{}) == -1);
}

TEST_CASE("a missing module names the Debian package to install", "[catalog]") {
  LessonsDir dir;
  LessonCatalog catalog = load_lessons(dir.root.string());
  const Lesson& good = by_id(catalog, "02-good");
  const Trace missing = lesson_fixtures::make(R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":5,"ev":"exception","lane":0,"type":"ModuleNotFoundError","message":"No module named 'aiofiles'","traceback":"","line":3}
{"seq":2,"t":6,"ev":"exit","code":1,"how":"exception"}
)J");
  CHECK(missing_module_hint(good, missing) ==
        "This lesson needs the Python module 'aiofiles': sudo apt install python3-aiofiles");
  CHECK(missing_module_hint(good, lesson_fixtures::make(lesson_fixtures::kFailure)).empty());
  // A submodule of a required one, named on stderr by the interpreter: the same hint.
  const Trace submodule = lesson_fixtures::make(R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":5,"ev":"print","lane":0,"stream":"stderr","text":"ModuleNotFoundError: No module named 'aiofiles.os'"}
)J");
  CHECK(missing_module_hint(good, submodule) ==
        "This lesson needs the Python module 'aiofiles': sudo apt install python3-aiofiles");
  // A module the lesson does not ask for (the learner's own import) is no lesson requirement,
  // nor is a module whose name only starts like a required one.
  for (const char* other : {"numpy", "aiofilesx"}) {
    const Trace unrelated = lesson_fixtures::make(std::string(R"J({"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":5,"ev":"exception","lane":0,"type":"ModuleNotFoundError","message":"No module named ')J") + other + R"J('","traceback":"","line":3})J");
    CHECK(missing_module_hint(good, unrelated).empty());
  }
}

TEST_CASE("two runs are titled by what differs between them", "[compare]") {
  Lesson lesson;
  Knob blocking;
  blocking.name = "blocking";
  blocking.type = Knob::Type::Bool;
  blocking.default_bool = true;
  Knob work;
  work.name = "work";
  work.type = Knob::Type::Float;
  work.default_number = 0.3;
  lesson.knobs = {blocking, work};
  RunSetup a{1, {{"blocking", "1"}, {"work", "0.3"}}, false, "blocking.py"};
  RunSetup b{2, {{"blocking", "0"}, {"work", "0.3"}}, false, "blocking.py"};
  CHECK(compare_titles(&lesson, a, b) == std::make_pair(std::string("blocking = on"), std::string("blocking = off")));
  b.knobs = a.knobs;
  b.edited = true;
  CHECK(compare_titles(&lesson, a, b) == std::make_pair(std::string("as shipped"), std::string("edited")));
  b.edited = false;
  CHECK(compare_titles(&lesson, a, b) == std::make_pair(std::string("run 1"), std::string("run 2")));
  b.knobs = {};  // missing knobs are their defaults
  CHECK(compare_titles(&lesson, a, b).first == "run 1");
}
