#include "ui/app.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "core/edits_store.h"
#include "core/lane_names.h"
#include "platform/fonts.h"
#include "platform/window.h"
#include "workspace/monotonic_clock.h"

namespace loopscope::ui {
namespace fs = std::filesystem;

namespace {

constexpr double kToast_s = 4.0;          // how long a status bar message stays
constexpr double kSettingsPause_s = 1.0;  // changes settle this long before the file is written

WorkspaceConfig workspace_config(const AppConfig& config) {
  WorkspaceConfig workspace = config.workspace;
  workspace.edits_folder = config.persistent ? default_edits_folder() : std::string();
  return workspace;
}

}  // namespace

App::App(platform::Window& window, AppConfig config)
    : window_(window), config_(std::move(config)), workspace_(workspace_config(config_)) {
  if (config_.persistent) settings_ = platform::load_settings(platform::settings_path());
  open_popup_.set_folders(settings_.file_folders);
  open_popup_.set_native_allowed(config_.persistent);
  theme_id_ = config_.theme.empty() ? settings_.theme : config_.theme;
  workspace_.SetLiveReload(settings_.live_reload);
  if (!config_.open_path.empty()) {
    workspace_.OpenPath(config_.open_path, config_.run_opened_script);
  } else if (config_.persistent && !settings_.last_open.empty()) {
    std::error_code ec;
    if (!OpenLessonByKey(settings_.last_open) && fs::exists(settings_.last_open, ec)) workspace_.OpenPath(settings_.last_open);
  }
  if (workspace_.program().empty() && !workspace_.catalog().lessons.empty() && config_.persistent) OpenLesson(0);
  timeline_.SetPresenter(settings_.layout.presenter);
  AfterAction();
}

App::~App() { settings_writer_.wait(); }

void App::Toast(std::string message) {
  toast_ = std::move(message);
  toast_until_ = monotonic_seconds() + kToast_s;
}

float App::EffectiveScale() const {
  float scale = config_.scale > 0 ? config_.scale : settings_.scale;
  if (scale <= 0) scale = window_.content_scale();
  return std::clamp(scale, 1.0f, 2.0f);
}

void App::SetTheme(const std::string& id) {
  theme_id_ = id;
  config_.theme.clear();
  settings_.theme = id;
  style_dirty_ = true;
  SaveSettingsSoon();
}

void App::SetScale(float scale) {
  config_.scale = 0.0f;
  settings_.scale = scale <= 0 ? 0.0f : std::clamp(scale, 1.0f, 2.0f);
  SaveSettingsSoon();
}

void App::SetPresenter(bool on) {
  settings_.layout.presenter = on;
  timeline_.SetPresenter(on);
  timeline_.RequestFit();
  SaveSettingsSoon();
}

void App::SetLiveReload(bool on) {
  settings_.live_reload = on;
  workspace_.SetLiveReload(on);
  SaveSettingsSoon();
}

void App::BeforeFrame() {
  const float scale = EffectiveScale();
  if (scale != applied_scale_) {
    platform::build_fonts(scale);
    applied_scale_ = scale;
    style_dirty_ = true;
  }
  if (style_dirty_) {
    platform::apply_theme(theme_id_, scale);
    style_dirty_ = false;
  }
  PollExports();
  Follow(workspace_.Pump());
  MovePlayhead();
  lane_colors_.refresh(trace(), platform::theme());
  SaveSettingsWhenDue();
}

void App::SaveSettingsWhenDue() {
  if (!settings_dirty_ || !config_.persistent) return;
  const double now = monotonic_seconds();
  if (settings_dirty_since_ == 0.0) settings_dirty_since_ = now;
  if (now - settings_dirty_since_ <= kSettingsPause_s) return;
  settings_writer_.save_async(settings_, platform::settings_path());
  settings_dirty_ = false;
  settings_dirty_since_ = 0.0;
}

bool App::Animating() const {
  return workspace_.running() || workspace_.edit_pending() || playhead_.playing() || workspace_.loading() || settings_dirty_ ||
         !png_writes_.empty() || record_view_.Active() || monotonic_seconds() < toast_until_;
}

void App::Shutdown() {
  StopRun();
  workspace_.KeepEditNow();
  if (!config_.persistent) return;
  const platform::WindowGeometry g = window_.geometry();
  if (!g.maximized) {
    settings_.window_x = g.x;
    settings_.window_y = g.y;
    settings_.window_width = g.width;
    settings_.window_height = g.height;
  }
  settings_.maximized = g.maximized;
  settings_writer_.save_async(settings_, platform::settings_path());
  settings_writer_.wait();
}

// ---- the views follow the workspace ----

void App::Follow(const WorkspaceNews& news) {
  if (news.new_trace) ResetViews();
  if (news.run_started) playhead_.set_follow_live(true);
  if (news.trace_opened) playhead_.last(trace().events());
  if (news.script_opened) {
    code_view_.editing = false;
    ShowOpened();
  }
  if (news.show_problems) {
    bottom_tab_ = 1;
    force_tab_ = true;
  }
  if (!news.exercise_passed.empty()) {
    settings_.passed.insert(news.exercise_passed);
    SaveSettingsSoon();
  }
  if (!news.message.empty()) Toast(news.message);
  // The timeline draws the workspace's pinned run and quiz game; either may have changed.
  auto [pinned_title, current_title] = workspace_.ComparisonTitles();
  timeline_.SetPinned(workspace_.PinnedTrace(), std::move(pinned_title), std::move(current_title));
  timeline_.SetQuiz(workspace_.quiz_on() ? &workspace_.quiz() : nullptr);
}

void App::ResetViews() {
  playhead_.reset();
  selection_.clear();
  timeline_.OnNewTrace();
  console_view_.Reset();
  console_view_.SetProgramFiles(workspace_.run_files());
  inspector_view_.Reset();
  code_view_.OnNewTrace();
  error_view_.Reset();
  lane_colors_.refresh(trace(), platform::theme());
}

void App::ShowOpened() {
  const Lesson* lesson = workspace_.lesson();
  settings_.last_open = lesson ? lesson->id : workspace_.program().path;
  SaveSettingsSoon();
  window_.set_title("loopscope - " + (lesson ? lesson->title : workspace_.program().title));
}

void App::MovePlayhead() {
  const double now = monotonic_seconds();
  const double dt = last_frame_time_ == 0.0 ? 0.0 : std::min(0.25, now - last_frame_time_);
  last_frame_time_ = now;
  playhead_.update(trace().events(), dt);
  // One step everywhere: whatever moved the playhead (play, follow, a click, a key), every
  // panel shows the step it is on.
  selection_.event = playhead_.position();
}

// The progress bar of a saved trace loading, or of a run producing records faster than they
// are taken in; its button cancels the load or stops the run.
void App::DrawLoadProgress() {
  LoadProgressInfo info;
  char detail[160];
  if (const LoadProgress* p = workspace_.load_progress()) {
    const double now = monotonic_seconds();
    if (load_seen_since_ == 0.0) load_seen_since_ = now;
    if (now - load_seen_since_ < 0.3) return;  // a small file: no flash of a progress bar
    info.title = "Loading " + workspace_.loading_name();
    info.fraction = p->fraction();
    std::snprintf(detail, sizeof detail, "%.2f M events, %.0f of %.0f MB", static_cast<double>(p->events.load()) / 1e6,
                  static_cast<double>(p->bytes_read.load()) / 1e6, static_cast<double>(p->bytes_total.load()) / 1e6);
    info.detail = detail;
    if (load_progress_view_.Draw(info)) workspace_.CancelLoad();
    return;
  }
  load_seen_since_ = 0.0;
  // A run producing events faster than they are taken in (a few hundred thousand a frame):
  // show how far behind the picture is, and offer to stop the program.
  constexpr std::size_t kBehindShown = 500'000;
  if (!workspace_.running()) return;
  const std::size_t received = workspace_.events_received(), shown = trace().events().size();
  if (received < shown + kBehindShown) return;
  info.title = "Taking in the run's events";
  info.fraction = static_cast<double>(shown) / static_cast<double>(received);
  std::snprintf(detail, sizeof detail, "%.2f M of %.2f M events", static_cast<double>(shown) / 1e6,
                static_cast<double>(received) / 1e6);
  info.detail = detail;
  info.button = "Stop run";
  if (load_progress_view_.Draw(info)) StopRun();
}

// ---- actions ----

void App::OpenLesson(int index) {
  if (!workspace_.OpenLesson(index)) return;
  code_view_.editing = false;
  ShowOpened();
  AfterAction();
}

bool App::OpenLessonByKey(const std::string& key) {
  const LessonCatalog& catalog = workspace_.catalog();
  const Lesson* l = catalog.find(key);
  if (!l) return false;
  OpenLesson(static_cast<int>(l - catalog.lessons.data()));
  return true;
}

bool App::OpenPathBlocking(const std::string& path, std::string* error) {
  const bool ok = workspace_.OpenPathBlocking(path, error);
  AfterAction();
  return ok;
}

// The exercise's start file opens in the editor; its reference solution opens read-only.
void App::StartExercise(int index) {
  if (!workspace_.StartExercise(index)) return;
  code_view_.StartEditing();
  AfterAction();
}

void App::ShowSolution(int index) {
  if (!workspace_.ShowSolution(index)) return;
  code_view_.editing = false;
  AfterAction();
}

void App::StartRun() {
  workspace_.StartRun();
  AfterAction();
}

void App::StopRun() {
  workspace_.StopRun();
  AfterAction();
}

void App::FinishRunBlocking(double timeout_s) {
  workspace_.FinishRunBlocking(timeout_s);
  Follow(workspace_.Pump());
  MovePlayhead();
}

bool App::PinLastRun() {
  const bool pinned = workspace_.PinLastRun();
  AfterAction();
  return pinned;
}

bool App::PinSavedRun(const std::string& path, std::string pinned_title, std::string current_title, std::string* error) {
  const bool pinned = workspace_.PinSavedRun(path, std::move(pinned_title), std::move(current_title), error);
  AfterAction();
  return pinned;
}

void App::SetQuiz(bool on) {
  workspace_.SetQuiz(on);
  AfterAction();
}

bool App::GoToFirstQuestion() {
  if (!workspace_.quiz_on() || workspace_.running()) return false;
  NextRunGame& quiz = workspace_.quiz();
  quiz.sync(trace());
  const EventIndex step = quiz.next_question_step(kNoEvent);
  if (step == kNoEvent) return false;
  playhead_.seek(trace().events(), step);
  selection_.event = playhead_.position();
  return true;
}

bool App::AnswerQuestion(const std::string& lane_name) {
  if (!workspace_.quiz_on() || workspace_.running()) return false;
  NextRunGame& quiz = workspace_.quiz();
  quiz.sync(trace());
  for (LaneId lane = 0; lane < static_cast<LaneId>(trace().lanes().size()); ++lane) {
    if (quiz.name_of(lane) != lane_name) continue;
    const auto answer = quiz.answer(playhead_.position(), lane);
    if (!answer) return false;
    playhead_.seek(trace().events(), answer->reveal);
    selection_.event = playhead_.position();
    selection_.lane = answer->answer;
    return true;
  }
  return false;
}

bool App::SelectLaneByName(const std::string& name) {
  const Trace& t = trace();
  // The title the timeline shows ("ticker", "consumer #2") first, then the Python names.
  LaneNames titles;
  titles.refresh(t);
  for (LaneId id = 0; id < static_cast<LaneId>(t.lanes().size()); ++id) {
    if (titles.title(id) == name) {
      selection_.lane = id;
      return true;
    }
  }
  for (std::size_t i = 0; i < t.lanes().size(); ++i) {
    const auto id = static_cast<LaneId>(i);
    const std::string full = t.display_name(id);
    if (t.str(t.lanes()[i].name) == name || full == name || full.rfind(name, 0) == 0) {
      selection_.lane = id;
      return true;
    }
  }
  return false;
}

}  // namespace loopscope::ui
