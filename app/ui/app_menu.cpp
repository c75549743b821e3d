// The App's menu bar, keyboard shortcuts and modal popups (file chooser, shortcuts, about).
#include <imgui.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <chrono>
#include <filesystem>
#include <tuple>

#include "core/time_format.h"
#include "platform/fonts.h"
#include "platform/theme.h"
#include "ui/app.h"
#include "platform/offscreen.h"
#include "platform/png_file.h"
#include "ui/exports.h"
#include "ui/timeline_image.h"

namespace loopscope::ui {
namespace fs = std::filesystem;

namespace {

enum FileMode { kNone = 0, kOpenScript, kOpenTrace, kSaveTrace, kExportPerfetto, kExportPng, kExportSvg, kRecordVideo };

struct Shortcut {
  const char* keys;
  const char* what;
};

constexpr Shortcut kShortcuts[] = {
    {"F5", "Run the program"},
    {"Shift+F5", "Stop the run"},
    {"Space", "Play / pause the playhead"},
    {"Left / Right", "Previous / next step"},
    {"Shift+Left / Right", "Previous / next step of the selected lane"},
    {"Home / End", "First / last step"},
    {"F", "Fit the whole run in the timeline"},
    {"Ctrl+O", "Open a script"},
    {"Ctrl+E", "Edit / view the code"},
    {"Ctrl+F", "Find in the code (while editing)"},
    {"Ctrl+Z / Ctrl+Y", "Undo / redo an edit"},
    {"Ctrl+= / Ctrl+- / Ctrl+0", "Bigger / smaller / monitor's text size"},
    {"F1", "This list"},
};

bool ctrl() { return ImGui::GetIO().KeyCtrl; }

bool pressed(int key) { return ImGui::IsKeyPressed(key, false); }

}  // namespace

void App::HandleShortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  // Scale shortcuts work even while typing (they never insert text with Ctrl held).
  if (ctrl()) {
    const float scale = EffectiveScale();
    if (pressed(GLFW_KEY_EQUAL) || pressed(GLFW_KEY_KP_ADD)) SetScale(std::min(2.0f, scale + 0.125f));
    if (pressed(GLFW_KEY_MINUS) || pressed(GLFW_KEY_KP_SUBTRACT)) SetScale(std::max(1.0f, scale - 0.125f));
    if (pressed(GLFW_KEY_0) || pressed(GLFW_KEY_KP_0)) SetScale(0.0f);
    if (pressed(GLFW_KEY_O)) OpenFileDialog("open-script");
    if (pressed(GLFW_KEY_E)) {
      if (code_view_.editing) code_view_.editing = false;
      else code_view_.StartEditing();
    }
    if (pressed(GLFW_KEY_Q)) quit_requested_ = true;
  }
  if (pressed(GLFW_KEY_F5)) io.KeyShift ? StopRun() : StartRun();
  if (pressed(GLFW_KEY_F1)) show_shortcuts_ = !show_shortcuts_;
  if (pressed(GLFW_KEY_F11)) SetPresenter(!settings_.layout.presenter);
}

// One place for every file dialog: its title, the kind whose last folder it starts in (the
// program's folder the first time), the extensions and the default name.
bool App::OpenFileDialog(const std::string& which) {
  struct Dialog {
    const char* which;
    FileMode mode;
    const char* title;
    const char* kind;
    std::vector<std::string> extensions;
    bool save;
    const char* name;
  };
  static const Dialog kDialogs[] = {
      {"open-script", kOpenScript, "Open script", "scripts", {".py"}, false, ""},
      {"open-trace", kOpenTrace, "Open trace", "traces", {".json", ".jsonl"}, false, ""},
      {"save-trace", kSaveTrace, "Save trace", "traces", {".json"}, true, "trace.json"},
      {"export-perfetto", kExportPerfetto, "Export Perfetto trace", "exports", {".json"}, true, "perfetto.json"},
      {"export-png", kExportPng, "Export timeline PNG", "exports", {".png"}, true, "timeline.png"},
      {"export-svg", kExportSvg, "Export timeline SVG", "exports", {".svg"}, true, "timeline.svg"},
      {"record-video", kRecordVideo, "Record video (.mp4 or .gif)", "exports", {".mp4", ".gif"}, true, "playback.mp4"},
  };
  const std::string& program = workspace_.program().path;
  const std::string here = program.empty() ? std::string() : fs::path(program).parent_path().string();
  for (const Dialog& d : kDialogs) {
    if (which != d.which) continue;
    open_popup_.Open(d.title, d.kind, here, d.extensions, d.save, d.name);
    save_popup_mode_ = d.mode;
    return true;
  }
  return false;
}

void App::DrawMenuBar() {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open script…", "Ctrl+O")) OpenFileDialog("open-script");
    if (ImGui::MenuItem("Open trace…")) OpenFileDialog("open-trace");
    ImGui::Separator();
    const bool have_trace = !trace().empty() && !workspace_.running();
    if (ImGui::MenuItem("Save trace…", nullptr, false, have_trace)) OpenFileDialog("save-trace");
    if (ImGui::MenuItem("Export Perfetto trace…", nullptr, false, have_trace)) OpenFileDialog("export-perfetto");
    if (ImGui::MenuItem("Export timeline PNG…", nullptr, false, have_trace)) OpenFileDialog("export-png");
    if (ImGui::MenuItem("Export timeline SVG…", nullptr, false, have_trace)) OpenFileDialog("export-svg");
    if (ImGui::MenuItem("Record video…", nullptr, false, have_trace && !record_view_.Active())) OpenFileDialog("record-video");
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) quit_requested_ = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    for (const Theme& t : platform::themes())
      if (ImGui::MenuItem((t.label + " theme").c_str(), nullptr, platform::theme().id == t.id)) SetTheme(t.id);
    ImGui::Separator();
    const float scale = EffectiveScale();
    if (ImGui::MenuItem("Bigger text", "Ctrl+=")) SetScale(std::min(2.0f, scale + 0.125f));
    if (ImGui::MenuItem("Smaller text", "Ctrl+-")) SetScale(std::max(1.0f, scale - 0.125f));
    if (ImGui::MenuItem("Monitor's text size", "Ctrl+0", settings_.scale == 0.0f)) SetScale(0.0f);
    for (float s : {1.0f, 1.25f, 1.5f, 2.0f}) {
      const std::string label = "Scale " + std::to_string(static_cast<int>(s * 100)) + "%";
      if (ImGui::MenuItem(label.c_str(), nullptr, settings_.scale == s)) SetScale(s);
    }
    ImGui::Separator();
    platform::PanelLayout& l = settings_.layout;
    bool changed = false;
    changed |= ImGui::MenuItem("Lesson list", nullptr, &l.show_browser);
    changed |= ImGui::MenuItem("Lesson text", nullptr, &l.show_lesson);
    changed |= ImGui::MenuItem("Code", nullptr, &l.show_code);
    changed |= ImGui::MenuItem("Timeline", nullptr, &l.show_timeline);
    changed |= ImGui::MenuItem("Inspector", nullptr, &l.show_inspector);
    changed |= ImGui::MenuItem("Console and problems", nullptr, &l.show_console);
    ImGui::Separator();
    bool presenter = l.presenter;
    if (ImGui::MenuItem("Presenter layout", "F11", &presenter)) SetPresenter(presenter);
    bool quiz = workspace_.quiz_on();
    if (ImGui::MenuItem("Quiz: which task runs next?", "N: next question", &quiz)) SetQuiz(quiz);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("When you step to where the event loop picks a task, guess which one by clicking its lane");
    if (changed) SaveSettingsSoon();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Run")) {
    const Program& program = workspace_.program();
    if (ImGui::MenuItem("Run", "F5", false, !program.empty())) StartRun();
    if (ImGui::MenuItem("Stop", "Shift+F5", false, workspace_.running())) StopRun();
    if (ImGui::MenuItem("Reset program", nullptr, false, program.dirty())) ResetProgram();
    ImGui::Separator();
    // Compare: an earlier run of this program above the current one, on the same time axis.
    const RunHistory& history = workspace_.history();
    const int pinned = history.pinned_index();
    if (ImGui::BeginMenu("Compare with an earlier run", !history.runs().empty())) {
      for (int i = static_cast<int>(history.runs().size()) - 1; i >= 0; --i) {
        const RunHistory::PastRun& past = history.runs()[static_cast<std::size_t>(i)];
        const std::string what = workspace_.PastRunTitle(static_cast<std::size_t>(i));
        char label[256];
        std::snprintf(label, sizeof label, "run %d: %s (%s)##run%d", past.setup.number, what.c_str(),
                      format_duration(static_cast<double>(past.trace->end_time())).c_str(), i);
        if (ImGui::MenuItem(label, nullptr, pinned == i)) {
          if (pinned == i) workspace_.Unpin();
          else workspace_.Pin(i);
          AfterAction();
        }
      }
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Stop comparing", nullptr, false, pinned >= 0)) {
      workspace_.Unpin();
      AfterAction();
    }
    ImGui::Separator();
    bool live = settings_.live_reload;
    if (ImGui::MenuItem("Live reload (run again on save)", nullptr, &live, workspace_.lesson() == nullptr)) SetLiveReload(live);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("Keyboard shortcuts", "F1")) show_shortcuts_ = true;
    if (ImGui::MenuItem("About loopscope")) show_about_ = true;
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

void App::HandleFileChosen(const std::string& path) {
  switch (save_popup_mode_) {
    case kOpenScript:
    case kOpenTrace:
      workspace_.OpenPath(path);  // read in the background; BeforeFrame applies it
      break;
    case kSaveTrace:
    case kExportPerfetto: {
      std::string error;
      if (export_chrome_trace(trace(), path, &error)) Toast("Saved " + path);
      else Toast("Could not save: " + error);
      break;
    }
    case kExportPng:
      // Painted from the model after this frame (see App::AfterRender), outside the ImGui frame.
      png_export_path_ = path;
      break;
    case kExportSvg: {
      std::string error;
      const bool ok = export_timeline_svg(trace(), path, platform::theme(), TimelineExport(), &error);
      Toast(ok ? "Exported " + path : "Could not export: " + error);
      break;
    }
    case kRecordVideo:
      OpenRecordOptions(path);
      break;
    default: break;
  }
  save_popup_mode_ = kNone;
}

void App::DrawPopups() {
  std::string chosen;
  if (open_popup_.Draw(&chosen)) {
    settings_.file_folders = open_popup_.folders();  // the next dialog of this kind starts there
    SaveSettingsSoon();
    HandleFileChosen(chosen);
  }
  if (reset_confirm_.Draw()) ResetProgramNow();
  DrawRecording();
  if (show_shortcuts_) {
    ImGui::OpenPopup("Keyboard shortcuts");
    show_shortcuts_ = false;
  }
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal("Keyboard shortcuts", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg)) {
      for (const Shortcut& s : kShortcuts) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushFont(platform::fonts().mono);
        ImGui::TextUnformatted(s.keys);
        ImGui::PopFont();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(s.what);
      }
      ImGui::EndTable();
    }
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (show_about_) {
    ImGui::OpenPopup("About loopscope");
    show_about_ = false;
  }
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal("About loopscope", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushFont(platform::fonts().heading);
    ImGui::Text("loopscope %s", LOOPSCOPE_UI_VERSION);
    ImGui::PopFont();
    ImGui::TextUnformatted("See how Python's iteration and asyncio really run:");
    ImGui::TextUnformatted("real programs, an instrumented event loop, and a timeline of what happened.");
    if (!platform::fonts().note.empty()) ImGui::TextDisabled("%s", platform::fonts().note.c_str());
    ImGui::TextDisabled("Dear ImGui %s", ImGui::GetVersion());
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

timeline::SvgExportOptions App::TimelineExport() {
  timeline::SvgExportOptions options = timeline_.ExportOptions();
  options.playhead = playhead_.position();
  if (const Trace* pinned = workspace_.PinnedTrace()) {
    options.pinned = pinned;
    options.pinned_playhead = timeline_.PinnedPlayhead().position();
    std::tie(options.pinned_title, options.current_title) = workspace_.ComparisonTitles();
  }
  // As wide as the panel, and never narrower than a slide.
  options.width = std::max(1600.0f, timeline_rect_[2]);
  return options;
}

platform::Image App::TimelinePicture(float width, std::string* error) {
  timeline::SvgExportOptions options = TimelineExport();
  options.width = width;
  return timeline_image(trace(), platform::theme(), options, error);
}

void App::AfterRender() {
  if (png_export_path_.empty()) return;
  const std::string path = png_export_path_;
  png_export_path_.clear();
  std::string error;
  platform::Image image = timeline_image(trace(), platform::theme(), TimelineExport(), &error);
  if (image.rgba.empty()) {
    Toast("Could not export: " + error);
    return;
  }
  // Encoding and writing happen off the UI thread.
  png_writes_.push_back(std::async(std::launch::async, [image = std::move(image), path] {
    return platform::write_png(path, image) ? "Exported " + path : "Could not write " + path;
  }));
}

void App::PollExports() {
  for (auto it = png_writes_.begin(); it != png_writes_.end();) {
    if (it->wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
      Toast(it->get());
      it = png_writes_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace loopscope::ui
