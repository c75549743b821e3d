// What loopscope remembers between runs, in $XDG_CONFIG_HOME/loopscope/settings.json
// (or ~/.config/loopscope/settings.json). Unknown keys are ignored, missing keys keep defaults,
// so old and new versions share one file.
#pragma once

#include <map>
#include <set>
#include <string>
#include <thread>

namespace loopscope::platform {

struct PanelLayout {
  // Panel sizes in window pixels as last dragged; 0 means "automatic" (a share of the window).
  float left_width = 0.0f;       // lesson browser + lesson text column
  float code_width = 0.0f;       // code pane, right of the left column
  float bottom_height = 0.0f;    // console / inspector row
  float inspector_width = 0.0f;
  float browser_height = 0.0f;   // lesson browser above the lesson text
  bool show_browser = true;
  bool show_lesson = true;
  bool show_code = true;
  bool show_inspector = true;
  bool show_console = true;
  bool show_timeline = true;
  // The presenter layout (for a projector or a recording): code and timeline only, a caption
  // of the current step, taller lanes.
  bool presenter = false;
  float presenter_code_width = 0.0f;
};

struct Settings {
  int window_x = -1, window_y = -1;
  int window_width = 1600, window_height = 900;
  bool maximized = false;
  std::string theme = "dark";
  float scale = 0.0f;              // 0: follow the monitor's content scale
  std::string last_open;           // lesson id, or a script path
  bool live_reload = false;
  std::set<std::string> passed;    // "lesson-id/exercise-id" of exercises that passed
  std::map<std::string, std::string> file_folders;  // last folder of each file dialog kind
  PanelLayout layout;
};

std::string settings_path();  // empty when neither XDG_CONFIG_HOME nor HOME is set
Settings settings_from_json_text(const std::string& text);  // defaults for what is missing or bad
std::string settings_to_json_text(const Settings& settings);
Settings load_settings(const std::string& path);             // defaults if the file is absent
bool save_settings(const Settings& settings, const std::string& path);

// Saves on a background thread so the UI never waits for the disk; the last save wins.
class SettingsWriter {
 public:
  ~SettingsWriter();
  void save_async(const Settings& settings, const std::string& path);
  void wait();

 private:
  std::thread worker_;
};

}  // namespace loopscope::platform
