#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

#include "platform/settings.h"

using namespace loopscope::platform;

TEST_CASE("settings survive a round trip through JSON") {
  Settings s;
  s.window_x = 10;
  s.window_y = 20;
  s.window_width = 1280;
  s.window_height = 720;
  s.theme = "light";
  s.scale = 1.5f;
  s.last_open = "07-blocking-vs-cooperative";
  s.live_reload = true;
  s.passed = {"07-blocking-vs-cooperative/fair", "01-iterator-protocol/lazy"};
  s.layout.code_width = 600;
  s.layout.show_inspector = false;
  s.file_folders = {{"scripts", "/home/me/code"}, {"exports", "/home/me/slides"}};
  const Settings back = settings_from_json_text(settings_to_json_text(s));
  REQUIRE(back.window_x == 10);
  REQUIRE(back.window_width == 1280);
  REQUIRE(back.theme == "light");
  REQUIRE(back.scale == Approx(1.5f));
  REQUIRE(back.last_open == s.last_open);
  REQUIRE(back.live_reload);
  REQUIRE(back.passed == s.passed);
  REQUIRE(back.layout.code_width == Approx(600));
  REQUIRE_FALSE(back.layout.show_inspector);
  REQUIRE(back.file_folders == s.file_folders);
}

TEST_CASE("bad or missing values fall back to defaults") {
  const Settings s = settings_from_json_text(R"({"theme": "", "scale": 7, "window_width": "wide", "passed": 3})");
  REQUIRE(s.theme == "dark");
  REQUIRE(s.scale == 0.0f);
  REQUIRE(s.window_width == 1600);
  REQUIRE(s.passed.empty());
  REQUIRE(settings_from_json_text(R"({"file_folders": ["x"]})").file_folders.empty());
  REQUIRE(settings_from_json_text("not json").theme == "dark");
  // A theme of the user's own (assets/themes/neon.toml) is remembered; an unknown one falls
  // back to the first theme when it is applied.
  REQUIRE(settings_from_json_text(R"({"theme": "neon"})").theme == "neon");
}

TEST_CASE("the presenter layout and the timeline's visibility are remembered") {
  Settings s;
  s.layout.presenter = true;
  s.layout.show_timeline = false;
  s.layout.presenter_code_width = 420;
  const Settings back = settings_from_json_text(settings_to_json_text(s));
  REQUIRE(back.layout.presenter);
  REQUIRE_FALSE(back.layout.show_timeline);
  REQUIRE(back.layout.presenter_code_width == Approx(420));
}

TEST_CASE("settings are saved to and loaded from a file") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "loopscope-test-settings";
  fs::remove_all(dir);
  const std::string path = (dir / "nested" / "settings.json").string();
  Settings s;
  s.theme = "light";
  SettingsWriter writer;
  writer.save_async(s, path);
  writer.wait();
  REQUIRE(load_settings(path).theme == "light");
  REQUIRE(load_settings((dir / "absent.json").string()).theme == "dark");
  fs::remove_all(dir);
}
