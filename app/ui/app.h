// The application window: a shell of views over the headless workspace (workspace/workspace.h),
// which holds the lesson, the program, the run, its trace, the verdict and the problems. The App
// keeps what only a window has: settings, theme, fonts and scale, the panels and how they show
// the run (playhead, selection, popups, toasts, exports, recording). It forwards the user's
// actions to the workspace and, after each action and each pump, lets the views follow what
// changed (WorkspaceNews). Panels are separate view structs (one per file).
#pragma once

#include <future>
#include <string>
#include <vector>

#include "core/playhead.h"
#include "core/trace_io.h"
#include "core/trace_model.h"
#include "core/view_selection.h"
#include "platform/png_file.h"
#include "platform/settings.h"
#include "platform/theme.h"
#include "ui/code_view.h"
#include "ui/confirm_popup.h"
#include "ui/console_view.h"
#include "ui/error_view.h"
#include "ui/inspector_view.h"
#include "ui/lane_colors.h"
#include "ui/lesson_browser_view.h"
#include "ui/lesson_panel_view.h"
#include "ui/load_progress_view.h"
#include "ui/open_file_popup.h"
#include "ui/status_bar_view.h"
#include "ui/panel_timeline.h"
#include "ui/record_video_view.h"
#include "workspace/workspace.h"

namespace loopscope::platform {
class Window;
}

namespace loopscope::ui {

struct AppConfig {
  std::string open_path;     // script or saved trace to open at start
  bool run_opened_script = false;  // start a run as soon as open_path (a .py) has loaded
  std::string theme;         // empty: remembered setting
  float scale = 0.0f;        // 0: remembered setting, else the monitor's
  bool persistent = true;    // false (screenshots, tests): no settings file read or written, edits kept in memory
  WorkspaceConfig workspace; // lessons, interpreter, limits (its edits folder follows `persistent`)
};

class App {
 public:
  App(platform::Window& window, AppConfig config);
  ~App();

  // Outside the ImGui frame: applies theme/scale changes (font atlas), pumps the workspace (the
  // run, loading, live reload) and moves the playhead.
  void BeforeFrame();
  // The whole UI, inside ImGui::NewFrame()/Render().
  void Draw();
  // After the frame is rendered, before it is shown: paints an exported picture when asked.
  void AfterRender();
  // The timeline as File > Export PNG makes it (between frames), `width` px wide.
  platform::Image TimelinePicture(float width, std::string* error);
  // True while something moves on its own (a run, playback, loading): the main loop then
  // renders continuously instead of waiting for input.
  bool Animating() const;
  bool QuitRequested() const { return quit_requested_; }
  // Saves window geometry and settings (call once before the window closes).
  void Shutdown();

  // Actions (menu, shortcuts, panels, CLI, screenshot): forwarded to the workspace, then the
  // views follow what changed.
  void OpenLesson(int index);
  bool OpenLessonByKey(const std::string& key);
  bool OpenPathBlocking(const std::string& path, std::string* error);  // .py script or saved trace
  void StartRun();
  void StopRun();
  void ResetProgram();     // asks first when the program is edited
  void StartExercise(int index);
  void ShowSolution(int index);
  // Screenshot/tests: pumps the run until it ends or `timeout_s` passes.
  void FinishRunBlocking(double timeout_s);
  void SetKnob(const std::string& name, const std::string& value) { workspace_.SetKnob(name, value); }
  bool PinLastRun();  // compare with the run before this one; false if there is none
  // Compare with a saved run (the recorder shows what the GUI compared), under these titles.
  bool PinSavedRun(const std::string& path, std::string pinned_title, std::string current_title, std::string* error);
  bool SelectLaneByName(const std::string& name);
  void SetTheme(const std::string& id);  // a theme file's id: dark, light, projector
  void SetScale(float scale);  // 0: follow the monitor
  void SetLiveReload(bool on);
  // The presenter layout: code and timeline only, a caption of the step, taller lanes.
  void SetPresenter(bool on);
  // "Which task runs next?" while stepping (on by default in lessons that ask for it).
  void SetQuiz(bool on);
  // Screenshots and tests: the playhead onto the first open question (false: none), and an
  // answer given by the lane's name as the timeline shows it.
  bool GoToFirstQuestion();
  bool AnswerQuestion(const std::string& lane_name);
  // "open-script", "open-trace", "save-trace", "export-perfetto", "export-png", "export-svg",
  // "record-video".
  bool OpenFileDialog(const std::string& which);
  // File > Record video…'s options for a recording into `path` (as after its file dialog).
  void OpenRecordOptions(const std::string& path);
  // The editor open on `text` in place of the program's text, as if typed (screenshots, tests).
  void EditProgram(const std::string& text);
  // The code pane shows `text` as the program, not in the editor (a recording of an edited run).
  void ShowProgramText(const std::string& text);
  // Hides the status bar's message ("Opened trace ..."): a recording starts without it.
  void DismissToast() { toast_until_ = 0.0; }

  // State the views and the CLI read.
  Workspace& workspace() { return workspace_; }
  const Trace& trace() const { return workspace_.trace(); }
  Playhead& playhead() { return playhead_; }
  const platform::Settings& settings() const { return settings_; }

 private:
  void DrawMenuBar();
  void DrawLayout();
  void DrawStatusBar(float width, float height);
  void DrawPanels(float width, float height);
  void DrawPresenterPanels(float width, float height);
  void DrawTimelinePanel(ImVec2 pos, ImVec2 size);
  void DrawCodePane();
  void HandleShortcuts();
  // The views follow the workspace.
  void AfterAction() { Follow(workspace_.TakeNews()); }
  void Follow(const WorkspaceNews& news);
  void ResetViews();      // a new trace: playhead, selection and every panel start over
  void ShowOpened();      // the window's title and the remembered program follow what was opened
  void MovePlayhead();    // every frame: playback or following the run; all panels on its step
  void ResetProgramNow();  // back to the original text, the edit forgotten, the run's marks gone
  void DrawLoadProgress();  // the progress bar of a trace loading or a run catching up
  void PollExports();
  void SaveSettingsSoon() { settings_dirty_ = true; }
  void SaveSettingsWhenDue();
  float EffectiveScale() const;
  void DrawPopups();
  void DrawRecording();  // File > Record video… (app_record.cpp)
  void HandleFileChosen(const std::string& path);
  void Toast(std::string message);
  timeline::SvgExportOptions TimelineExport();  // the timeline as shown (compared runs too), for exports

  platform::Window& window_;
  AppConfig config_;
  platform::Settings settings_;
  platform::SettingsWriter settings_writer_;
  bool settings_dirty_ = false;
  double settings_dirty_since_ = 0.0;
  bool quit_requested_ = false;

  // Fonts and colours.
  std::string theme_id_;  // the theme in use (assets/themes/<id>.toml)
  float applied_scale_ = 0.0f;  // scale the atlas was built for (0: not built)
  bool style_dirty_ = true;

  // What the learner has open and what their runs produced.
  Workspace workspace_;

  // How the run is shown.
  Playhead playhead_;
  Selection selection_;
  double last_frame_time_ = 0.0;  // the playhead's clock
  LaneColors lane_colors_;

  // Views.
  LessonBrowserView browser_view_;
  LessonPanelView lesson_view_;
  CodeView code_view_;
  ConfirmPopup reset_confirm_;
  TimelineHost timeline_;
  InspectorView inspector_view_;
  InspectorView inspector_pinned_view_;  // the pinned run's, when it has the focus
  Selection pinned_selection_;
  LaneColors pinned_colors_;
  ConsoleView console_view_;
  ErrorView error_view_;
  StatusBarView status_view_;
  LoadProgressView load_progress_view_;
  double load_seen_since_ = 0.0;  // when the workspace's current load was first seen (0: none)
  OpenFilePopup open_popup_;
  int bottom_tab_ = 0;          // 0 console, 1 problems
  bool force_tab_ = false;      // select bottom_tab_ at the next frame (a run failed)
  bool show_shortcuts_ = false;
  bool show_about_ = false;
  std::string toast_;           // a one-line message in the status bar ("Saved trace to ...")
  double toast_until_ = 0.0;
  std::string png_export_path_;  // a timeline PNG to paint after this frame renders
  std::vector<std::future<std::string>> png_writes_;  // PNGs being written (result: a toast)
  float timeline_rect_[4] = {0, 0, 0, 0};  // x, y, w, h of the timeline panel (logical px)
  int save_popup_mode_ = 0;     // 0 none, 1 save trace, 2 export perfetto, 3 export png, 4 export svg
  RecordVideoView record_view_;  // File > Record video…: options, progress, the recorder process
};

}  // namespace loopscope::ui
