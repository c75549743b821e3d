#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/edits_store.h"
#include "core/file_text.h"

using namespace loopscope;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system's temporary folder, removed at the end of the test.
struct TempFolder {
  fs::path path;
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "loopscope-edits-test-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

const EditKey kProgram{"07-blocking", "", "blocking.py"};
const EditKey kExercise{"07-blocking", "fair-crunch", "crunch.py"};

}  // namespace

TEST_CASE("an edit is kept on disk and read back by a new store (a restart)") {
  TempFolder dir;
  {
    EditsStore store(dir.path.string());
    REQUIRE_FALSE(store.lesson_edited("07-blocking"));
    REQUIRE(store.keep(kProgram, "print('mine')\n", "print('shipped')\n"));
    REQUIRE(store.lesson_edited("07-blocking"));
    REQUIRE(file_text((dir.path / "07-blocking" / "blocking.py").string()) == "print('mine')\n");
  }
  EditsStore again(dir.path.string());
  REQUIRE(again.lesson_edited("07-blocking"));
  REQUIRE_FALSE(again.lesson_edited("08-threads"));
  REQUIRE(again.load(kProgram) == std::optional<std::string>("print('mine')\n"));
  REQUIRE_FALSE(again.load({"08-threads", "", "blocking.py"}).has_value());
}

TEST_CASE("a lesson's program and each exercise are kept apart") {
  TempFolder dir;
  EditsStore store(dir.path.string());
  REQUIRE(store.keep(kExercise, "answer\n", "start\n"));
  REQUIRE(store.exercise_edited("07-blocking", "fair-crunch"));
  REQUIRE_FALSE(store.load(kProgram).has_value());
  REQUIRE(store.keep(kProgram, "program\n", "shipped\n"));
  REQUIRE(store.load(kExercise) == std::optional<std::string>("answer\n"));
  EditsStore again(dir.path.string());
  REQUIRE(again.exercise_edited("07-blocking", "fair-crunch"));
  REQUIRE(again.load(kExercise) == std::optional<std::string>("answer\n"));
}

TEST_CASE("an edit back to the shipped text, or erased, leaves the lesson unedited and no files") {
  TempFolder dir;
  EditsStore store(dir.path.string());
  REQUIRE(store.keep(kExercise, "answer\n", "start\n"));
  REQUIRE(store.keep(kExercise, "start\n", "start\n"));  // typed back to the original
  REQUIRE_FALSE(store.lesson_edited("07-blocking"));
  REQUIRE_FALSE(store.exercise_edited("07-blocking", "fair-crunch"));
  REQUIRE(store.keep(kProgram, "x\n", "y\n"));
  REQUIRE(store.erase(kProgram));
  REQUIRE_FALSE(store.lesson_edited("07-blocking"));
  REQUIRE(fs::is_empty(dir.path));
  REQUIRE_FALSE(EditsStore(dir.path.string()).lesson_edited("07-blocking"));
}

TEST_CASE("keys that could leave the folder are refused") {
  TempFolder dir;
  EditsStore store(dir.path.string());
  std::string error;
  REQUIRE_FALSE(store.keep({"..", "", "x.py"}, "a", "b", &error));
  REQUIRE_FALSE(error.empty());
  REQUIRE_FALSE(store.keep({"07", "../..", "x.py"}, "a", "b"));
  REQUIRE_FALSE(store.keep({"07", "", "a/b.py"}, "a", "b"));
  REQUIRE(fs::is_empty(dir.path));
}

TEST_CASE("without a folder, edits live in memory and are marked the same way") {
  EditsStore store;
  REQUIRE(store.keep(kExercise, "answer\n", "start\n"));
  REQUIRE(store.lesson_edited("07-blocking"));
  REQUIRE(store.exercise_edited("07-blocking", "fair-crunch"));
  REQUIRE(store.load(kExercise) == std::optional<std::string>("answer\n"));
  REQUIRE(store.erase(kExercise));
  REQUIRE_FALSE(store.lesson_edited("07-blocking"));
}

TEST_CASE("the default folder follows XDG_DATA_HOME, else HOME") {
  const char* old_xdg = std::getenv("XDG_DATA_HOME");
  const std::string saved = old_xdg ? old_xdg : "";
  ::setenv("XDG_DATA_HOME", "/data/here", 1);
  REQUIRE(default_edits_folder() == "/data/here/loopscope/edits");
  ::unsetenv("XDG_DATA_HOME");
  if (const char* home = std::getenv("HOME")) REQUIRE(default_edits_folder() == std::string(home) + "/.local/share/loopscope/edits");
  if (old_xdg) ::setenv("XDG_DATA_HOME", saved.c_str(), 1);
}
