// The workspace and files: a script or a saved trace is read on a worker thread (a slow disk or
// a large trace never stalls the window) and applied by Pump() on the caller's thread, the only
// one that changes the model; a script of the learner's own runs again when its file changes.
#include <filesystem>
#include <system_error>

#include "core/file_text.h"
#include "core/trace_io.h"
#include "workspace/monotonic_clock.h"
#include "workspace/workspace.h"

namespace loopscope {
namespace fs = std::filesystem;

namespace {

constexpr double kReloadPoll_s = 0.5;  // how often live reload looks at the file

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

bool Workspace::OpenPath(const std::string& path, bool run_when_loaded) {
  if (pending_load_.valid()) return false;
  if (run_when_loaded) run_when_loaded_ = path;
  // A saved trace is read block by block; the window shows its progress and may cancel it.
  auto progress = is_trace_path(path) ? std::make_shared<LoadProgress>() : nullptr;
  load_progress_ = progress;
  loading_name_ = fs::path(path).filename().string();
  pending_load_ = std::async(std::launch::async, [path, progress] {
    Loaded loaded;
    loaded.path = path;
    if (is_trace_path(path)) {
      // A private Trace filled on this thread and handed over whole (moved, not copied): the
      // model the views draw is only ever changed on the caller's thread.
      loaded.is_trace = true;
      loaded.trace = std::make_unique<Trace>();
      const bool ok = load_trace_file(path, *loaded.trace, &loaded.error, progress.get());
      loaded.cancelled = progress->cancel.load();
      if (loaded.cancelled) loaded.trace.reset();  // its memory goes now, not when it is replaced
      if (loaded.cancelled || (!ok && loaded.trace->empty())) return loaded;
      loaded.damaged = !ok;
      loaded.error.clear();  // a partly read file still shows what it holds (its end says the rest)
    } else {
      read_text_file(path, loaded.text, &loaded.error);
    }
    return loaded;
  });
  return true;
}

bool Workspace::OpenPathBlocking(const std::string& path, std::string* error) {
  if (!OpenPath(path)) {
    if (error) *error = "another file is still loading";
    return false;
  }
  pending_load_.wait();
  PollBackgroundLoad();
  if (start_error_.empty()) return true;
  if (error) *error = start_error_;
  return false;
}

void Workspace::PollBackgroundLoad() {
  if (!pending_load_.valid() || pending_load_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  Loaded loaded = pending_load_.get();
  load_progress_.reset();
  if (loaded.cancelled) {
    news_.message = "Stopped loading " + fs::path(loaded.path).filename().string();
    return;
  }
  if (!loaded.error.empty()) {
    start_error_ = loaded.error;
    CollectProblems();
    news_.show_problems = true;
    return;
  }
  if (loaded.is_trace) {
    ApplyLoadedTrace(loaded);
    return;
  }
  OpenScriptText(loaded.path, std::move(loaded.text));
  // `loopscope run FILE.py` (or a script named on the command line) shows its run at once.
  if (loaded.path == run_when_loaded_) {
    run_when_loaded_.clear();
    StartRun();
  }
}

// A saved trace becomes the current one; the traced script is shown beside it when it is still
// on disk (the lesson, the knobs and the earlier runs stay as they were).
void Workspace::ApplyLoadedTrace(Loaded& loaded) {
  StopRun();
  NewTrace();
  trace_ = std::move(*loaded.trace);
  run_started_ = true;
  start_error_.clear();
  const std::string script = trace_.info().script;
  run_files_ = {script, fs::path(script).filename().string(), fs::path(script).parent_path().string()};
  std::error_code ec;
  if (!script.empty() && fs::exists(script, ec) && program_.path != script) {
    KeepEditNow();
    program_ = Program{};
    program_.title = fs::path(script).filename().string();
    program_.path = script;
    program_.original = file_text(script);
    program_.text = program_.original;
    lesson_index_ = -1;
    kept_text_ = program_.text;
  }
  CollectProblems();
  news_.trace_opened = true;
  news_.message = "Opened trace " + fs::path(loaded.path).filename().string();
  if (loaded.damaged) {
    news_.message += ", damaged: the events before the damage are shown (Problems says where)";
    news_.show_problems = true;
  }
}

void Workspace::SetLiveReload(bool on) {
  live_reload_ = on;
  WatchProgramFile();
}

void Workspace::WatchProgramFile() { watched_mtime_ = program_.path.empty() ? 0 : mtime_of(program_.path); }

// Only a script of the learner's own, as it is on disk: a lesson's program, an exercise and an
// edited text are never replaced behind the learner's back.
void Workspace::PollLiveReload() {
  if (!live_reload_ || lesson() || program_.path.empty() || program_.dirty() || program_.exercise >= 0) return;
  const double now = monotonic_seconds();
  if (now - last_reload_poll_ < kReloadPoll_s) return;
  last_reload_poll_ = now;
  const long long m = mtime_of(program_.path);
  if (m == 0 || m == watched_mtime_) return;
  watched_mtime_ = m;
  std::string text;
  if (!read_text_file(program_.path, text)) return;
  program_.original = text;
  program_.text = std::move(text);
  StartRun();
  news_.message = "File changed: running again";
}

}  // namespace loopscope
