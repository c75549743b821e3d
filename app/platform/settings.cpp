#include "platform/settings.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "core/file_text.h"

namespace loopscope::platform {
namespace {

using nlohmann::json;

template <typename T>
void read(const json& j, const char* key, T& out) {
  auto it = j.find(key);
  if (it == j.end()) return;
  try {
    out = it->get<T>();
  } catch (const json::exception&) {
    // wrong type: keep the default
  }
}

}  // namespace

std::string settings_path() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/loopscope/settings.json";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::string(home) + "/.config/loopscope/settings.json";
  return {};
}

Settings settings_from_json_text(const std::string& text) {
  Settings s;
  json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return s;
  read(j, "window_x", s.window_x);
  read(j, "window_y", s.window_y);
  read(j, "window_width", s.window_width);
  read(j, "window_height", s.window_height);
  read(j, "maximized", s.maximized);
  read(j, "theme", s.theme);
  read(j, "scale", s.scale);
  read(j, "last_open", s.last_open);
  read(j, "live_reload", s.live_reload);
  read(j, "passed", s.passed);
  read(j, "file_folders", s.file_folders);
  if (auto it = j.find("layout"); it != j.end() && it->is_object()) {
    const json& l = *it;
    PanelLayout& p = s.layout;
    read(l, "left_width", p.left_width);
    read(l, "code_width", p.code_width);
    read(l, "bottom_height", p.bottom_height);
    read(l, "inspector_width", p.inspector_width);
    read(l, "browser_height", p.browser_height);
    read(l, "show_browser", p.show_browser);
    read(l, "show_lesson", p.show_lesson);
    read(l, "show_code", p.show_code);
    read(l, "show_inspector", p.show_inspector);
    read(l, "show_console", p.show_console);
    read(l, "show_timeline", p.show_timeline);
    read(l, "presenter", p.presenter);
    read(l, "presenter_code_width", p.presenter_code_width);
  }
  if (s.theme.empty()) s.theme = "dark";  // an unknown theme id falls back when it is applied
  if (s.scale != 0.0f && (s.scale < 1.0f || s.scale > 2.0f)) s.scale = 0.0f;
  if (s.window_width < 320 || s.window_height < 240) s.window_width = 1600, s.window_height = 900;
  return s;
}

std::string settings_to_json_text(const Settings& s) {
  const PanelLayout& p = s.layout;
  json j = {
      {"window_x", s.window_x}, {"window_y", s.window_y},
      {"window_width", s.window_width}, {"window_height", s.window_height},
      {"maximized", s.maximized}, {"theme", s.theme}, {"scale", s.scale},
      {"last_open", s.last_open}, {"live_reload", s.live_reload}, {"passed", s.passed},
      {"file_folders", s.file_folders},
      {"layout",
       {{"left_width", p.left_width}, {"code_width", p.code_width}, {"bottom_height", p.bottom_height},
        {"inspector_width", p.inspector_width}, {"browser_height", p.browser_height},
        {"show_browser", p.show_browser}, {"show_lesson", p.show_lesson}, {"show_code", p.show_code},
        {"show_inspector", p.show_inspector}, {"show_console", p.show_console},
        {"show_timeline", p.show_timeline}, {"presenter", p.presenter},
        {"presenter_code_width", p.presenter_code_width}}},
  };
  return j.dump(2) + "\n";
}

Settings load_settings(const std::string& path) {
  if (path.empty()) return {};
  std::string text;
  if (!read_text_file(path, text)) return {};
  return settings_from_json_text(text);
}

bool save_settings(const Settings& settings, const std::string& path) {
  if (path.empty()) return false;
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  // Write aside and rename, so a crash never leaves half a file.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return false;
    out << settings_to_json_text(settings);
    if (!out) return false;
  }
  fs::rename(tmp, path, ec);
  return !ec;
}

SettingsWriter::~SettingsWriter() { wait(); }

void SettingsWriter::wait() {
  if (worker_.joinable()) worker_.join();
}

void SettingsWriter::save_async(const Settings& settings, const std::string& path) {
  wait();  // the previous save is tiny; one writer at a time keeps the order
  worker_ = std::thread([settings, path] { save_settings(settings, path); });
}

}  // namespace loopscope::platform
