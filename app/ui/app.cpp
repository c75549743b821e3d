#include "ui/app.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <system_error>
#include <tuple>
#include <unistd.h>

#include "core/exercise_verdict.h"
#include "core/file_text.h"
#include "core/trace_io.h"
#include "platform/fonts.h"
#include "platform/window.h"
#include "runner/lesson_run.h"

namespace loopscope::ui {
namespace fs = std::filesystem;

namespace {

std::string read_text_file(const std::string& path, std::string* error) {
  std::string text;
  return loopscope::read_text_file(path, text, error) ? text : std::string();
}

long long mtime_of(const std::string& path) {
  std::error_code ec;
  const auto t = fs::last_write_time(path, ec);
  return ec ? 0 : static_cast<long long>(t.time_since_epoch().count());
}

bool is_trace_path(const std::string& path) {
  const std::string ext = fs::path(path).extension().string();
  return ext == ".json" || ext == ".jsonl";
}

}  // namespace

App::App(platform::Window& window, AppConfig config)
    : window_(window), config_(std::move(config)), edits_(config_.persistent ? default_edits_folder() : std::string()) {
  if (config_.persistent) settings_ = platform::load_settings(platform::settings_path());
  open_popup_.set_folders(settings_.file_folders);
  open_popup_.set_native_allowed(config_.persistent);
  theme_id_ = config_.theme.empty() ? settings_.theme : config_.theme;
  catalog_ = load_lessons(locate_lessons(config_.lessons_dir));
  if (!config_.open_path.empty()) {
    OpenPath(config_.open_path);
  } else if (config_.persistent && !settings_.last_open.empty()) {
    if (!OpenLessonByKey(settings_.last_open) && fs::exists(settings_.last_open)) OpenPath(settings_.last_open);
  }
  if (program_.empty() && !catalog_.lessons.empty() && config_.persistent) OpenLesson(0);
  timeline_.SetPresenter(settings_.layout.presenter);
}

App::~App() {
  if (session_) session_->stop();
  settings_writer_.wait();
}

double App::Now() const {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

void App::Toast(std::string message) {
  toast_ = std::move(message);
  toast_until_ = Now() + 4.0;
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
  watched_mtime_ = program_.path.empty() ? 0 : mtime_of(program_.path);
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
  PollBackgroundLoad();
  PollExports();
  PumpRun();
  KeepEditSoon();
  PollLiveReload();
  lane_colors_.refresh(trace_, platform::theme());
  if (settings_dirty_ && config_.persistent) {
    if (settings_dirty_since_ == 0.0) settings_dirty_since_ = Now();
    if (Now() - settings_dirty_since_ > 1.0) {
      settings_writer_.save_async(settings_, platform::settings_path());
      settings_dirty_ = false;
      settings_dirty_since_ = 0.0;
    }
  }
}

bool App::Animating() const {
  return running() || edit_changed_at_ != 0.0 || playhead_.playing() || pending_load_.valid() || settings_dirty_ || !png_writes_.empty() ||
         record_view_.Active() || Now() < toast_until_;
}

void App::Shutdown() {
  StopRun();
  KeepEditNow();
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

// ---- programs and lessons ----

const Lesson* App::lesson() const {
  if (lesson_index_ < 0 || static_cast<std::size_t>(lesson_index_) >= catalog_.lessons.size()) return nullptr;
  return &catalog_.lessons[static_cast<std::size_t>(lesson_index_)];
}

void App::OpenLesson(int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= catalog_.lessons.size()) return;
  StopRun();
  KeepEditNow();
  lesson_index_ = index;
  const Lesson& l = catalog_.lessons[static_cast<std::size_t>(index)];
  knob_values_ = default_knob_values(l);
  SetQuiz(l.which_runs_next);
  prediction_choices_.assign(l.predictions.size(), -1);
  std::string error;
  program_ = Program{};
  program_.title = l.main_program.empty() ? l.title : l.main_program;
  program_.path = l.main_path;
  program_.original = l.main_path.empty() ? std::string() : read_text_file(l.main_path, &error);
  program_.text = program_.original;
  RestoreKeptEdit();
  code_view_.editing = false;
  NewTrace();
  ForgetRuns();
  run_started_ = false;
  start_error_.clear();
  settings_.last_open = l.id;
  SaveSettingsSoon();
  window_.set_title("loopscope - " + l.title);
}

bool App::OpenLessonByKey(const std::string& key) {
  const Lesson* l = catalog_.find(key);
  if (!l) return false;
  OpenLesson(static_cast<int>(l - catalog_.lessons.data()));
  return true;
}

bool App::OpenPath(const std::string& path) {
  if (pending_load_.valid()) return false;
  // Read on a worker thread: a slow disk or a large trace never stalls the window. The window
  // shows its progress (block by block) and may cancel it.
  auto progress = is_trace_path(path) ? std::make_shared<LoadProgress>() : nullptr;
  load_progress_ = progress;
  loading_name_ = fs::path(path).filename().string();
  load_started_ = Now();
  pending_load_ = std::async(std::launch::async, [path, progress] {
    Loaded loaded;
    loaded.path = path;
    if (is_trace_path(path)) {
      // A private Trace filled on this thread and handed over whole (moved, not copied): the
      // App's model is only ever changed on the main thread.
      loaded.is_trace = true;
      loaded.trace = std::make_unique<Trace>();
      const bool ok = load_trace_file(path, *loaded.trace, &loaded.error, progress.get());
      loaded.cancelled = progress->cancel.load();
      if (loaded.cancelled) loaded.trace.reset();  // its memory goes now, not when it is replaced
      if (loaded.cancelled || (!ok && loaded.trace->empty())) return loaded;
      loaded.error.clear();  // a partly read file still shows what it holds (notes say the rest)
    } else {
      loaded.text = read_text_file(path, &loaded.error);
    }
    return loaded;
  });
  return true;
}

void App::PollBackgroundLoad() {
  if (!pending_load_.valid()) return;
  if (pending_load_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  Loaded loaded = pending_load_.get();
  load_progress_.reset();
  if (loaded.cancelled) {
    Toast("Stopped loading " + fs::path(loaded.path).filename().string());
    return;
  }
  if (!loaded.error.empty()) {
    start_error_ = loaded.error;
    CollectProblems();
    bottom_tab_ = 1;
    force_tab_ = true;
    return;
  }
  if (loaded.is_trace) {
    StopRun();
    NewTrace();
    trace_ = std::move(*loaded.trace);
    run_started_ = true;
    playhead_.last(trace_.events());
    // Show the traced script beside it when it is still on disk.
    const std::string script = trace_.info().script;
    std::error_code ec;
    run_files_ = {script, fs::path(script).filename().string(), fs::path(script).parent_path().string()};
    if (!script.empty() && fs::exists(script, ec) && program_.path != script) {
      std::string error;
      KeepEditNow();
      program_ = Program{};
      program_.title = fs::path(script).filename().string();
      program_.path = script;
      program_.original = read_text_file(script, &error);
      program_.text = program_.original;
      lesson_index_ = -1;
      kept_text_ = program_.text;
    }
    CollectProblems();
    Toast("Opened trace " + fs::path(loaded.path).filename().string());
    return;
  }
  ApplyLoadedProgram(loaded.path, std::move(loaded.text));
  // `loopscope run FILE.py` (or a script named on the command line) shows its run at once.
  if (config_.run_opened_script && loaded.path == config_.open_path) {
    config_.run_opened_script = false;
    StartRun();
  }
}

void App::DrawLoadProgress() {
  LoadProgressInfo info;
  char detail[160];
  if (pending_load_.valid() && load_progress_) {
    if (Now() - load_started_ < 0.3) return;  // a small file: no flash of a progress bar
    const LoadProgress& p = *load_progress_;
    info.title = "Loading " + loading_name_;
    info.fraction = p.fraction();
    std::snprintf(detail, sizeof detail, "%.2f M events, %.0f of %.0f MB", static_cast<double>(p.events.load()) / 1e6,
                  static_cast<double>(p.bytes_read.load()) / 1e6, static_cast<double>(p.bytes_total.load()) / 1e6);
    info.detail = detail;
    if (load_progress_view_.Draw(info)) load_progress_->cancel = true;
    return;
  }
  // A run producing events faster than they are taken in (a few hundred thousand a frame):
  // show how far behind the picture is, and offer to stop the program.
  constexpr std::size_t kBehindShown = 500'000;
  if (!session_ || !running()) return;
  const std::size_t received = session_->events_received(), shown = trace_.events().size();
  if (received < shown + kBehindShown) return;
  info.title = "Taking in the run's events";
  info.fraction = static_cast<double>(shown) / static_cast<double>(received);
  std::snprintf(detail, sizeof detail, "%.2f M of %.2f M events", static_cast<double>(shown) / 1e6,
                static_cast<double>(received) / 1e6);
  info.detail = detail;
  info.button = "Stop run";
  if (load_progress_view_.Draw(info)) StopRun();
}

void App::ApplyLoadedProgram(const std::string& path, std::string text) {
  StopRun();
  KeepEditNow();
  lesson_index_ = -1;
  knob_values_.clear();
  SetQuiz(false);
  prediction_choices_.clear();
  program_ = Program{};
  program_.title = fs::path(path).filename().string();
  std::error_code ec;
  program_.path = fs::absolute(path, ec).string();
  program_.original = std::move(text);
  program_.text = program_.original;
  kept_text_ = program_.text;
  code_view_.editing = false;
  NewTrace();
  ForgetRuns();
  run_started_ = false;
  watched_mtime_ = mtime_of(program_.path);
  settings_.last_open = program_.path;
  SaveSettingsSoon();
  window_.set_title("loopscope - " + program_.title);
}

bool App::OpenPathBlocking(const std::string& path, std::string* error) {
  if (!OpenPath(path)) return false;
  pending_load_.wait();
  const bool ok = true;
  PollBackgroundLoad();
  if (!start_error_.empty()) {
    if (error) *error = start_error_;
    return false;
  }
  return ok;
}

void App::StartExercise(int index) { OpenExerciseFile(index, /*solution=*/false); }

void App::ShowSolution(int index) { OpenExerciseFile(index, /*solution=*/true); }

// The exercise's start file opens in the editor (the learner edits a copy; the file on disk
// stays as shipped); its reference solution opens read-only.
void App::OpenExerciseFile(int index, bool solution) {
  const Lesson* l = lesson();
  if (!l || index < 0 || static_cast<std::size_t>(index) >= l->exercises.size()) return;
  const Exercise& ex = l->exercises[static_cast<std::size_t>(index)];
  StopRun();
  KeepEditNow();
  std::string error;
  program_ = Program{};
  program_.title = solution ? ex.solution_file + " (solution)" : ex.start_file + " (exercise)";
  program_.path = solution ? ex.solution_path : ex.start_path;
  program_.original = read_text_file(program_.path, &error);
  program_.text = program_.original;
  program_.exercise = index;
  program_.solution = solution;
  RestoreKeptEdit();
  code_view_.editing = false;
  if (!solution) code_view_.StartEditing();
  NewTrace();
  ForgetRuns();
  run_started_ = false;
  verdict_ = {};
}

void App::SetKnob(const std::string& name, const std::string& value) {
  const Lesson* l = lesson();
  if (!l) return;
  for (const Knob& k : l->knobs) {
    if (k.name == name) knob_values_[name] = k.normalise(value);
  }
}

// ---- runs ----

void App::ArchiveCurrentRun() {
  if (!run_started_ || trace_.empty() || !trace_.ended()) return;
  constexpr std::size_t kKept = 6;
  history_.push_back({std::make_unique<Trace>(std::move(trace_)), current_setup_});
  if (history_.size() > kKept) {
    history_.erase(history_.begin());
    pinned_ = pinned_ > 0 ? pinned_ - 1 : -1;  // the oldest went; a pin on it goes too
  }
  UpdateComparison();
}

void App::ForgetRuns() {
  pinned_ = -1;
  titles_given_ = false;
  history_.clear();
  runs_made_ = 0;
  UpdateComparison();
}

void App::Pin(int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= history_.size()) return;
  pinned_ = index;
  UpdateComparison();
}

void App::Unpin() {
  pinned_ = -1;
  UpdateComparison();
}

bool App::PinLastRun() {
  if (history_.empty()) return false;
  Pin(static_cast<int>(history_.size()) - 1);
  return true;
}

bool App::PinSavedRun(const std::string& path, std::string pinned_title, std::string current_title, std::string* error) {
  auto trace = std::make_unique<Trace>();
  if (!load_trace_file(path, *trace, error)) return false;
  history_.push_back({std::move(trace), RunSetup{}});
  pinned_ = static_cast<int>(history_.size()) - 1;
  pinned_title_ = std::move(pinned_title);
  current_title_ = std::move(current_title);
  titles_given_ = true;
  UpdateComparison();
  return true;
}

const Trace* App::PinnedTrace() const {
  return pinned_ >= 0 && static_cast<std::size_t>(pinned_) < history_.size() ? history_[static_cast<std::size_t>(pinned_)].trace.get()
                                                                              : nullptr;
}

void App::UpdateComparison() {
  const Trace* pinned = PinnedTrace();
  if (!pinned) {
    pinned_title_.clear();
    current_title_.clear();
    titles_given_ = false;
    timeline_.SetPinned(nullptr, {}, {});
    return;
  }
  if (!titles_given_)
    std::tie(pinned_title_, current_title_) = compare_titles(lesson(), history_[static_cast<std::size_t>(pinned_)].setup, current_setup_);
  timeline_.SetPinned(pinned, pinned_title_, current_title_);
}

void App::NewTrace() {
  trace_ = Trace{};
  playhead_.reset();
  selection_.clear();
  timeline_.OnNewTrace();
  console_view_.Reset();
  inspector_view_.Reset();
  code_view_.OnNewTrace();
  error_view_.Reset();
  problems_.clear();
  problems_event_count_ = 0;
  verdict_ = {};
  quiz_.new_run();  // the score goes on for the session
  lane_colors_.refresh(trace_, platform::theme());
}

void App::SetQuiz(bool on) {
  quiz_on_ = on;
  timeline_.SetQuiz(on ? &quiz_ : nullptr);
}

bool App::GoToFirstQuestion() {
  if (!quiz_on_ || running()) return false;
  quiz_.sync(trace_);
  const EventIndex step = quiz_.next_question_step(kNoEvent);
  if (step == kNoEvent) return false;
  playhead_.seek(trace_.events(), step);
  selection_.event = playhead_.position();
  return true;
}

bool App::AnswerQuestion(const std::string& lane_name) {
  if (!quiz_on_ || running()) return false;
  quiz_.sync(trace_);
  for (LaneId lane = 0; lane < static_cast<LaneId>(trace_.lanes().size()); ++lane) {
    if (quiz_.name_of(lane) != lane_name) continue;
    const auto answer = quiz_.answer(playhead_.position(), lane);
    if (!answer) return false;
    playhead_.seek(trace_.events(), answer->reveal);
    selection_.event = playhead_.position();
    selection_.lane = answer->answer;
    return true;
  }
  return false;
}

void App::StartRun() {
  if (program_.empty()) return;
  StopRun();
  ArchiveCurrentRun();
  NewTrace();
  current_setup_ = {++runs_made_, knob_values_, program_.dirty(), fs::path(program_.path).filename().string()};
  UpdateComparison();
  start_error_.clear();
  // An edited program runs from a private copy (runner/edited_copy.h): the shipped file is never
  // overwritten, and the modules beside it are still found.
  const fs::path original(program_.path);
  const std::string folder = original.has_parent_path() ? original.parent_path().string() : std::string();
  std::string script = program_.path;
  if (program_.dirty() || program_.path.empty()) {
    if (!edited_copy_.write(program_.path, program_.text, &start_error_)) {
      run_started_ = true;
      trace_.finish(EndStatus::TracerError, -1, start_error_);
      CollectProblems();
      bottom_tab_ = 1;
      force_tab_ = true;
      return;
    }
    script = edited_copy_.path();
  }
  std::error_code ec;
  run_files_ = {fs::absolute(script, ec).string(), original.filename().empty() ? "program.py" : original.filename().string(), folder};
  console_view_.SetProgramFiles(run_files_);
  RunRequest request;
  if (const Lesson* l = lesson()) {
    request = lesson_run_request(*l, script, knob_values_);
  } else {
    request.script = script;
    request.cwd = folder;
    request.timeout_s = config_.timeout_s;
    if (script != program_.path) put_first_on_python_path(request, folder);
  }
  request.python = config_.python;
  request.max_events = config_.max_events;
  session_ = std::make_unique<RunSession>();
  run_started_ = true;
  run_was_running_ = true;
  if (!session_->start(request, &start_error_)) {
    trace_.finish(EndStatus::TracerError, -1, start_error_);
    run_was_running_ = false;
    CollectProblems();
    bottom_tab_ = 1;
    force_tab_ = true;
    return;
  }
  playhead_.set_follow_live(true);
}

void App::StopRun() {
  if (session_ && session_->running()) {
    session_->stop();
    session_->pump(trace_);
  }
  edited_copy_.remove();  // nothing of a run stays in the temporary folder
}

void App::PumpRun() {
  const double now = Now();
  const double dt = last_frame_time_ == 0.0 ? 0.0 : std::min(0.25, now - last_frame_time_);
  last_frame_time_ = now;
  if (session_) {
    session_->pump(trace_);
    const bool running_now = session_->running();
    if (run_was_running_ && !running_now) {
      run_was_running_ = false;
      OnRunFinished();
    }
  }
  playhead_.update(trace_.events(), dt);
  // One step everywhere: whatever moved the playhead (play, follow, a click, a key), every
  // panel shows the step it is on.
  selection_.event = playhead_.position();
  if (trace_.events().size() != problems_event_count_ && (!running() || trace_.events().size() - problems_event_count_ > 500)) {
    CollectProblems();
  }
}

void App::FinishRunBlocking(double timeout_s) {
  const double until = Now() + timeout_s;
  while (session_ && session_->running() && Now() < until) {
    session_->pump(trace_);
    ::usleep(5000);
  }
  if (session_ && session_->running()) session_->stop();
  PumpRun();
}

void App::OnRunFinished() {
  edited_copy_.remove();
  CollectProblems();
  verdict_ = {};
  verdict_.evaluated = true;
  if (const Lesson* l = lesson()) {
    for (const Prediction& p : l->predictions) verdict_.correct.push_back(correct_choice(p, trace_));
    if (program_.exercise >= 0 && static_cast<std::size_t>(program_.exercise) < l->exercises.size()) {
      const Exercise& ex = l->exercises[static_cast<std::size_t>(program_.exercise)];
      const ExerciseVerdict judged = judge_exercise(*l, ex, trace_);
      verdict_.exercise = program_.exercise;
      verdict_.exercise_passed = judged.passed;
      verdict_.exercise_reason = judged.reason;
      if (verdict_.exercise_passed && !program_.solution) {
        settings_.passed.insert(l->id + "/" + ex.id);
        SaveSettingsSoon();
      }
    }
  }
  for (const Problem& p : problems_) {
    if (p.kind == Problem::Kind::Error || p.kind == Problem::Kind::SyntaxError || p.kind == Problem::Kind::MissingModule ||
        p.kind == Problem::Kind::RunFailed) {
      bottom_tab_ = 1;
    force_tab_ = true;
      break;
    }
  }
}

void App::CollectProblems() {
  problems_ = problems_from_trace(trace_, run_files_);
  problems_event_count_ = trace_.events().size();
  if (!start_error_.empty()) problems_.insert(problems_.begin(), {Problem::Kind::RunFailed, start_error_, {}, 0, kNoEvent, {}});
  if (const Lesson* l = lesson()) {
    const std::string hint = missing_module_hint(*l, trace_);
    if (!hint.empty()) problems_.insert(problems_.begin(), {Problem::Kind::MissingModule, hint, {}, 0, kNoEvent, {}});
  }
  if (session_ && !running()) {
    const std::string raw = session_->raw_output();
    if (!raw.empty() && trace_.events().size() < 3) problems_.push_back({Problem::Kind::RunFailed, "Output of the Python process", rename_program_path(raw, run_files_), 0, kNoEvent, {}});
  }
}

void App::PollLiveReload() {
  if (!settings_.live_reload || lesson() || program_.path.empty() || program_.dirty() || program_.exercise >= 0) return;
  const double now = Now();
  if (now - last_reload_poll_ < 0.5) return;
  last_reload_poll_ = now;
  const long long m = mtime_of(program_.path);
  if (m == 0 || m == watched_mtime_) return;
  watched_mtime_ = m;
  std::string error;
  std::string text = read_text_file(program_.path, &error);
  if (!error.empty()) return;
  program_.original = text;
  program_.text = std::move(text);
  StartRun();
  Toast("File changed: running again");
}

bool App::SelectLaneByName(const std::string& name) {
  for (std::size_t i = 0; i < trace_.lanes().size(); ++i) {
    const auto id = static_cast<LaneId>(i);
    const std::string full = trace_.display_name(id);
    if (trace_.str(trace_.lanes()[i].name) == name || full == name || full.rfind(name, 0) == 0) {
      selection_.lane = id;
      return true;
    }
  }
  return false;
}

}  // namespace loopscope::ui
