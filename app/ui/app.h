// The application: owns every piece of state (settings, lessons, the current program and its
// edits, the run and its trace, the playhead and selection) and draws one frame of the UI.
// Panels are separate view structs (one per file); the App wires them together.
#pragma once

#include <future>
#include <optional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/edits_store.h"
#include "core/lesson_catalog.h"
#include "core/run_titles.h"
#include "core/playhead.h"
#include "core/trace_model.h"
#include "core/view_selection.h"
#include "platform/png_file.h"
#include "platform/settings.h"
#include "platform/theme.h"
#include "runner/edited_copy.h"
#include "runner/run_session.h"
#include "ui/code_view.h"
#include "ui/confirm_popup.h"
#include "ui/console_view.h"
#include "ui/error_view.h"
#include "ui/inspector_view.h"
#include "ui/lane_colors.h"
#include "ui/lesson_browser_view.h"
#include "ui/lesson_panel_view.h"
#include "ui/open_file_popup.h"
#include "ui/status_bar_view.h"
#include "ui/panel_timeline.h"
#include "workspace/program.h"
#include "ui/record_video_view.h"

namespace loopscope::platform {
class Window;
}

namespace loopscope::ui {

struct AppConfig {
  std::string open_path;     // script or saved trace to open at start
  std::string lessons_dir;   // empty: locate_lessons()
  std::string theme;         // empty: remembered setting
  float scale = 0.0f;        // 0: remembered setting, else the monitor's
  std::string python;
  double timeout_s = 60.0;   // for ad-hoc scripts (lessons carry their own)
  long max_events = 2'000'000;  // the runtime's event budget (0: none)
  bool persistent = true;    // false (screenshots, tests): never read or write the settings file
  bool run_opened_script = false;  // start a run as soon as open_path (a .py) has loaded
};

// The outcome of the last finished run, as the lesson panel shows it.
struct RunVerdict {
  bool evaluated = false;
  int prediction_answer = -1;     // the right choice per prediction (parallel to lesson predictions)
  std::vector<int> correct;       // per prediction
  int exercise = -1;              // exercise checked, -1 none
  bool exercise_passed = false;
  std::string exercise_reason;
};

class App {
 public:
  App(platform::Window& window, AppConfig config);
  ~App();

  // Outside the ImGui frame: applies theme/scale changes (font atlas), pumps the run, polls
  // live reload and background loads.
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

  // Actions (menu, shortcuts, CLI, screenshot).
  void OpenLesson(int index);
  bool OpenLessonByKey(const std::string& key);
  bool OpenPath(const std::string& path);  // .py script or saved trace
  void StartRun();
  void StopRun();
  void ResetProgram();     // asks first when the program is edited
  void ResetProgramNow();  // back to the original text, the edit forgotten, the run's marks gone
  void StartExercise(int index);
  void ShowSolution(int index);
  bool OpenPathBlocking(const std::string& path, std::string* error);
  // Screenshot/tests: pumps the run until it ends or `timeout_s` passes.
  void FinishRunBlocking(double timeout_s);
  bool SelectLaneByName(const std::string& name);
  void SetKnob(const std::string& name, const std::string& value);
  void SetTheme(const std::string& id);  // a theme file's id: dark, light, projector
  void SetScale(float scale);  // 0: follow the monitor
  void SetLiveReload(bool on);
  // Earlier runs of this program (for comparing on one time axis); the newest last.
  struct PastRun {
    std::unique_ptr<Trace> trace;
    RunSetup setup;
  };
  const std::vector<PastRun>& PastRuns() const { return history_; }
  void Pin(int index);          // compare the current run with history_[index]
  void Unpin();
  bool PinLastRun();            // compare with the run before this one; false if there is none
  // Compare with a saved run (the recorder shows what the GUI compared), under these titles.
  bool PinSavedRun(const std::string& path, std::string pinned_title, std::string current_title, std::string* error);
  const Trace* PinnedTrace() const;  // the run compared with, or null
  // The presenter layout: code and timeline only, a caption of the step, taller lanes.
  void SetPresenter(bool on);
  bool Presenter() const { return settings_.layout.presenter; }
  // "Which task runs next?" while stepping (on by default in lessons that ask for it).
  void SetQuiz(bool on);
  bool QuizOn() const { return quiz_on_; }
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

  // State the views read.
  const Trace& trace() const { return trace_; }
  Playhead& playhead() { return playhead_; }
  Selection& selection() { return selection_; }
  const Lesson* lesson() const;
  const LessonCatalog& catalog() const { return catalog_; }
  Program& program() { return program_; }
  KnobValues& knob_values() { return knob_values_; }
  std::vector<int>& prediction_choices() { return prediction_choices_; }
  const RunVerdict& verdict() const { return verdict_; }
  bool running() const { return session_ && session_->running(); }
  bool has_run() const { return run_started_; }
  const platform::Settings& settings() const { return settings_; }
  const LaneColors& lane_colors() const { return lane_colors_; }
  const EditsStore& edits() const { return edits_; }
  void JumpToLine(int line) { code_view_.ScrollToLine(line); }

 private:
  void DrawMenuBar();
  void DrawLayout();
  void DrawPanels(float width, float height);
  void DrawPresenterPanels(float width, float height);
  void DrawTimelinePanel(ImVec2 pos, ImVec2 size);
  void DrawCodePane();
  void HandleShortcuts();
  void PumpRun();
  void OnRunFinished();
  void CollectProblems();
  void PollLiveReload();
  void PollBackgroundLoad();
  void PollExports();
  void ApplyLoadedProgram(const std::string& path, std::string text);
  void NewTrace();
  void ArchiveCurrentRun();     // the finished run goes into history_ before a new one starts
  void ForgetRuns();            // another program: no history to compare with
  void UpdateComparison();      // the titles of the pinned and current runs
  void OpenExerciseFile(int index, bool solution);
  void SaveSettingsSoon() { settings_dirty_ = true; }
  float EffectiveScale() const;
  void DrawPopups();
  void DrawRecording();  // File > Record video… (app_record.cpp)
  // The learner's edits (app_edits.cpp): kept per lesson program and exercise.
  std::optional<EditKey> EditKeyOfProgram() const;
  void RestoreKeptEdit();   // after a lesson program or exercise was loaded into program_
  void KeepEditSoon();      // every frame: saves a changed text once typing pauses
  void KeepEditNow();       // before the program is replaced, and at exit
  void DrawEditPopups();
  void HandleFileChosen(const std::string& path);
  void Toast(std::string message);
  timeline::SvgExportOptions TimelineExport();  // the timeline as shown (compared runs too), for exports
  double Now() const;

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

  // Lessons and the program.
  LessonCatalog catalog_;
  int lesson_index_ = -1;
  Program program_;
  KnobValues knob_values_;
  std::vector<int> prediction_choices_;
  RunVerdict verdict_;
  EditsStore edits_;
  std::string kept_text_;       // the text the store holds for the current program
  double edit_changed_at_ = 0.0;
  ConfirmPopup reset_confirm_;

  // The run and what it produced.
  std::unique_ptr<RunSession> session_;
  EditedCopy edited_copy_;      // the edited text the current run runs from
  ProgramFiles run_files_;      // the run's program as run and as the learner knows it
  Trace trace_;
  bool run_started_ = false;
  bool run_was_running_ = false;
  double last_frame_time_ = 0.0;
  std::string start_error_;
  std::vector<Problem> problems_;
  std::size_t problems_event_count_ = 0;
  Playhead playhead_;
  Selection selection_;
  std::vector<PastRun> history_;
  int pinned_ = -1;             // index into history_, -1: not comparing
  std::string pinned_title_, current_title_;  // what the comparison is titled
  bool titles_given_ = false;   // PinSavedRun: the titles came with the saved run
  RunSetup current_setup_;      // how the current run was made
  int runs_made_ = 0;
  LaneColors lane_colors_;
  NextRunGame quiz_;
  bool quiz_on_ = false;

  // Live reload and background loading.
  long long watched_mtime_ = 0;
  double last_reload_poll_ = 0.0;
  struct Loaded {
    std::string path;
    std::string text;
    std::unique_ptr<Trace> trace;          // the loaded trace when the file was a saved trace
    bool is_trace = false;
    std::string error;
  };
  std::future<Loaded> pending_load_;

  // Views.
  LessonBrowserView browser_view_;
  LessonPanelView lesson_view_;
  CodeView code_view_;
  TimelineHost timeline_;
  InspectorView inspector_view_;
  InspectorView inspector_pinned_view_;  // the pinned run's, when it has the focus
  Selection pinned_selection_;
  LaneColors pinned_colors_;
  ConsoleView console_view_;
  ErrorView error_view_;
  StatusBarView status_view_;
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

  friend struct LessonPanelView;
};

}  // namespace loopscope::ui
