#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "ui/open_file_popup.h"

using namespace loopscope::ui;
namespace fs = std::filesystem;

TEST_CASE("a file dialog starts in the last folder of its kind while that folder exists") {
  std::string pattern = (fs::temp_directory_path() / "loopscope-dialog-test-XXXXXX").string();
  const fs::path dir = ::mkdtemp(pattern.data());
  const std::map<std::string, std::string> remembered{{"exports", dir.string()}, {"traces", (dir / "gone").string()}};
  REQUIRE(start_folder(remembered, "exports", "/lessons/07") == dir.string());
  REQUIRE(start_folder(remembered, "traces", "/lessons/07") == "/lessons/07");   // removed since: the fallback
  REQUIRE(start_folder(remembered, "scripts", "/lessons/07") == "/lessons/07");  // never used: the fallback
  REQUIRE(start_folder(remembered, "scripts", "") == fs::current_path().string());
  fs::remove_all(dir);
}

TEST_CASE("the dialog keeps one folder per kind, as the settings store them") {
  OpenFilePopup popup;
  popup.set_folders({{"scripts", "/a"}, {"exports", "/b"}});
  REQUIRE(popup.folders().at("scripts") == "/a");
  REQUIRE(popup.folders().at("exports") == "/b");
}
