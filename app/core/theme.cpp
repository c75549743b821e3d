#include "core/theme.h"

#include <algorithm>
#include <filesystem>

#include <toml++/toml.h>

#include "core/data_paths.h"

namespace loopscope {

namespace {

namespace fs = std::filesystem;

// Where each colour key of a theme file lands: "[section] key" -> member.
struct ColorKey {
  const char* section;
  const char* key;
  Rgba Theme::*member;
};

constexpr ColorKey kColorKeys[] = {
    {"surface", "bg", &Theme::bg}, {"surface", "panel", &Theme::panel}, {"surface", "raised", &Theme::raised},
    {"surface", "hover", &Theme::hover}, {"surface", "active", &Theme::active}, {"surface", "border", &Theme::border},
    {"text", "body", &Theme::text}, {"text", "dim", &Theme::text_dim}, {"text", "faint", &Theme::text_faint},
    {"text", "on_dark", &Theme::text_on_dark}, {"text", "on_light", &Theme::text_on_light},
    {"accent", "accent", &Theme::accent}, {"accent", "soft", &Theme::accent_soft},
    {"code", "bg", &Theme::code_bg}, {"code", "gutter", &Theme::gutter_bg}, {"code", "inline", &Theme::inline_code_bg},
    {"status", "ok", &Theme::ok}, {"status", "warn", &Theme::warn}, {"status", "error", &Theme::error},
    {"status", "error_soft", &Theme::error_soft},
    {"syntax", "keyword", &Theme::syn_keyword}, {"syntax", "builtin", &Theme::syn_builtin},
    {"syntax", "string", &Theme::syn_string}, {"syntax", "number", &Theme::syn_number},
    {"syntax", "comment", &Theme::syn_comment}, {"syntax", "decorator", &Theme::syn_decorator},
    {"syntax", "def_name", &Theme::syn_def_name}, {"syntax", "self", &Theme::syn_self},
    {"lanes", "main", &Theme::lane_main}, {"lanes", "loop", &Theme::lane_loop},
    {"lanes", "thread", &Theme::lane_thread}, {"lanes", "generator", &Theme::lane_gen},
    {"timeline", "row_alt", &Theme::row_alt}, {"timeline", "grid", &Theme::grid}, {"timeline", "idle", &Theme::idle},
    {"timeline", "stripes_on_red", &Theme::stripes_on_red}, {"timeline", "label_backdrop", &Theme::label_backdrop},
    {"timeline", "scroll_shade", &Theme::scroll_shade},
};

bool read_color(const toml::table& file, const char* section, const char* key, Rgba& out, std::string* error) {
  const auto text = file[section][key].value<std::string>();
  const auto color = text ? parse_hex_color(*text) : std::nullopt;
  if (!color) {
    if (error)
      *error = std::string("[") + section + "] " + key +
               (text ? " is not a colour (\"#rrggbb\" or \"#rrggbbaa\"): " + *text : std::string(" is missing"));
    return false;
  }
  out = *color;
  return true;
}

int order_of(const std::string& id) {
  constexpr const char* kOrder[] = {"dark", "light", "projector"};
  for (int i = 0; i < 3; ++i)
    if (id == kOrder[i]) return i;
  return 3;
}

}  // namespace

bool load_theme_file(const std::string& path, Theme& theme, std::string* error) {
  toml::table file;
  try {
    file = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    if (error) *error = path + ": " + std::string(e.description());
    return false;
  }
  Theme t;
  t.id = fs::path(path).stem().string();
  t.label = file["label"].value_or(t.id);
  t.light = file["light"].value_or(false);
  std::string problem;
  for (const ColorKey& k : kColorKeys) {
    if (!read_color(file, k.section, k.key, t.*(k.member), &problem)) {
      if (error) *error = path + ": " + problem;
      return false;
    }
  }
  const toml::array* hues = file["lanes"]["tasks"].as_array();
  if (!hues || hues->size() != t.task_hues.size()) {
    if (error) *error = path + ": [lanes] tasks must list " + std::to_string(t.task_hues.size()) + " colours";
    return false;
  }
  for (std::size_t i = 0; i < t.task_hues.size(); ++i) {
    const auto color = parse_hex_color((*hues)[i].value_or(std::string()));
    if (!color) {
      if (error) *error = path + ": [lanes] tasks item " + std::to_string(i + 1) + " is not a colour";
      return false;
    }
    t.task_hues[i] = *color;
  }
  theme = std::move(t);
  return true;
}

std::vector<Theme> load_themes(const std::string& dir, std::vector<std::string>* errors) {
  std::vector<Theme> themes;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".toml") continue;
    Theme theme;
    std::string error;
    if (load_theme_file(entry.path().string(), theme, &error)) {
      themes.push_back(std::move(theme));
    } else if (errors) {
      errors->push_back(error);
    }
  }
  if (ec && errors) errors->push_back("cannot read the themes folder " + dir + ": " + ec.message());
  std::sort(themes.begin(), themes.end(), [](const Theme& a, const Theme& b) {
    return order_of(a.id) != order_of(b.id) ? order_of(a.id) < order_of(b.id) : a.id < b.id;
  });
  return themes;
}

std::vector<Theme> load_shipped_themes(std::vector<std::string>* errors) {
  const std::string dir = locate_data("assets/themes", "LOOPSCOPE_THEMES");
  if (dir.empty()) {
    if (errors) errors->push_back("the theme files (assets/themes) were not found next to loopscope");
    return {};
  }
  return load_themes(dir, errors);
}

Theme pick_theme(const std::vector<Theme>& themes, const std::string& id) {
  for (const Theme& t : themes)
    if (t.id == id) return t;
  return themes.empty() ? emergency_theme() : themes.front();
}

Theme emergency_theme() {
  // Grey steps computed, not chosen: this theme only has to stay readable until the real
  // theme files are back.
  const auto grey = [](int level) {
    const auto v = static_cast<std::uint8_t>(level);
    return rgba(v, v, v);
  };
  Theme t;
  t.id = "emergency";
  t.label = "Fallback (theme files missing)";
  t.bg = grey(24);
  t.panel = grey(30);
  t.raised = grey(44);
  t.hover = grey(56);
  t.active = grey(68);
  t.border = grey(60);
  t.text = grey(230);
  t.text_dim = grey(160);
  t.text_faint = grey(110);
  t.text_on_dark = grey(255);
  t.text_on_light = grey(0);
  t.accent = grey(200);
  t.accent_soft = with_alpha(grey(200), 0.15f);
  t.code_bg = grey(20);
  t.gutter_bg = grey(30);
  t.inline_code_bg = grey(44);
  t.ok = t.warn = t.error = grey(255);
  t.error_soft = with_alpha(grey(255), 0.1f);
  t.syn_keyword = t.syn_builtin = t.syn_string = t.syn_number = t.syn_decorator = t.syn_def_name = t.syn_self = grey(220);
  t.syn_comment = grey(130);
  t.lane_main = t.lane_loop = t.lane_thread = t.lane_gen = grey(170);
  for (std::size_t i = 0; i < t.task_hues.size(); ++i) t.task_hues[i] = grey(120 + static_cast<int>(i) * 15);
  t.row_alt = with_alpha(grey(255), 0.03f);
  t.grid = with_alpha(grey(255), 0.08f);
  t.idle = with_alpha(grey(110), 0.35f);
  t.stripes_on_red = with_alpha(grey(0), 0.18f);
  t.label_backdrop = with_alpha(grey(24), 0.85f);
  t.scroll_shade = with_alpha(grey(0), 0.5f);
  return t;
}

}  // namespace loopscope
