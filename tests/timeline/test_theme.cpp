#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>

#include "core/theme.h"

using namespace loopscope;

TEST_CASE("the shipped themes load: dark, light, projector", "[theme]") {
  std::vector<std::string> errors;
  const auto themes = load_themes(std::string(LOOPSCOPE_SOURCE_DIR) + "/assets/themes", &errors);
  CHECK(errors.empty());
  REQUIRE(themes.size() == 3);
  CHECK(themes[0].id == "dark");
  CHECK(themes[1].id == "light");
  CHECK(themes[2].id == "projector");
  CHECK_FALSE(themes[0].light);
  CHECK(themes[2].light);
  for (const Theme& t : themes) {
    CHECK(t.text != t.bg);
    CHECK(alpha_of(t.accent_soft) < 255);  // "#rrggbbaa" keeps its opacity
  }
  // The projector theme is the high-contrast one: its text is darker than the light theme's.
  CHECK(luminance(themes[2].text) <= luminance(themes[1].text));
}

TEST_CASE("a broken theme file says which key is wrong", "[theme]") {
  const std::string path = "broken_theme_test.toml";
  {
    std::ofstream out(path);
    out << "label = \"Broken\"\n[surface]\nbg = \"#123\"\n";
  }
  Theme theme;
  std::string error;
  CHECK_FALSE(load_theme_file(path, theme, &error));
  CHECK(error.find("[surface] bg is not a colour") != std::string::npos);
  std::remove(path.c_str());
  CHECK_FALSE(load_theme_file("no/such/theme.toml", theme, &error));
  CHECK_FALSE(error.empty());
}

TEST_CASE("colours parse from hex and blend", "[theme]") {
  CHECK(parse_hex_color("#ff0080") == rgba(255, 0, 128));
  CHECK(parse_hex_color("#ff008040") == rgba(255, 0, 128, 64));
  CHECK_FALSE(parse_hex_color("ff0080").has_value());
  CHECK_FALSE(parse_hex_color("#ff00").has_value());
  CHECK_FALSE(parse_hex_color("#gg0000").has_value());
  CHECK(hex_rgb(rgba(1, 2, 255, 7)) == "#0102ff");
  CHECK(alpha_of(with_alpha(rgba(1, 2, 3), 0.5f)) == 128);
  CHECK(mix(rgba(0, 0, 0), rgba(200, 100, 50), 0.5f) == rgba(100, 50, 25));
}
