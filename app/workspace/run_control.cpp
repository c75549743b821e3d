// The workspace's run: started from the program as it stands (an edited text from a private
// copy), pumped on the caller's thread, judged and explained when it ends, and kept in the
// history when the next one starts.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "core/trace_io.h"
#include "runner/lesson_run.h"
#include "workspace/monotonic_clock.h"
#include "workspace/workspace.h"

namespace loopscope {
namespace fs = std::filesystem;

namespace {
constexpr std::size_t kProblemsEveryEvents = 500;  // while a run goes on, problems follow it this often
}  // namespace

void Workspace::StartRun() {
  if (program_.empty()) return;
  StopRun();
  ArchiveCurrentRun();
  NewTrace();
  current_setup_ = {++runs_made_, knob_values_, program_.dirty(), fs::path(program_.path).filename().string()};
  start_error_.clear();
  run_started_ = true;
  std::string script;
  if (!PrepareScript(script)) return;
  session_ = std::make_unique<RunSession>();
  std::string error;
  if (!session_->start(RequestFor(script), &error)) {
    FailStart(std::move(error));
    return;
  }
  run_was_running_ = true;
  news_.run_started = true;
}

// The file to run: the program's own, or (edited, or never saved) a private copy of its text
// (runner/edited_copy.h): the shipped file is never overwritten, and the modules beside it are
// still found. Also names the files as the learner knows them, for tracebacks and the console.
bool Workspace::PrepareScript(std::string& script) {
  const fs::path original(program_.path);
  script = program_.path;
  if (program_.dirty() || program_.path.empty()) {
    std::string error;
    if (!edited_copy_.write(program_.path, program_.text, &error)) {
      FailStart(std::move(error));
      return false;
    }
    script = edited_copy_.path();
  }
  std::error_code ec;
  run_files_ = {fs::absolute(script, ec).string(), original.filename().empty() ? "program.py" : original.filename().string(),
                original.has_parent_path() ? original.parent_path().string() : std::string()};
  return true;
}

// A lesson's program runs as the lesson says (its folder, its knobs, its time limit, which
// --timeout may only shorten); a script runs in its own folder.
RunRequest Workspace::RequestFor(const std::string& script) const {
  RunRequest request;
  if (const Lesson* l = lesson()) {
    request = lesson_run_request(*l, script, knob_values_);
    request.timeout_s = std::min(request.timeout_s, config_.timeout_s);
  } else {
    request.script = script;
    request.cwd = run_files_.folder;
    request.timeout_s = config_.timeout_s;
    if (script != program_.path) put_first_on_python_path(request, run_files_.folder);
  }
  request.python = config_.python;
  request.max_events = config_.max_events;
  return request;
}

// The run could not start: it ends at once, and the trace, the problems and an exercise's
// verdict say why. Nothing ran, so no prediction is held against it.
void Workspace::FailStart(std::string error) {
  start_error_ = std::move(error);
  trace_.finish(EndStatus::TracerError, -1, start_error_);
  OnRunFinished();
  verdict_.correct.clear();
}

void Workspace::StopRun() {
  if (session_ && session_->running()) {
    session_->stop();
    session_->pump(trace_);
  }
  edited_copy_.remove();  // nothing of a run stays in the temporary folder
}

WorkspaceNews Workspace::Pump() {
  PollBackgroundLoad();
  PumpRun();
  KeepEditSoon();
  PollLiveReload();
  return TakeNews();
}

WorkspaceNews Workspace::TakeNews() { return std::exchange(news_, WorkspaceNews{}); }

void Workspace::PumpRun() {
  if (session_) {
    if (session_->pump(trace_) > 0) news_.events_arrived = true;
    if (run_was_running_ && !session_->running()) {
      run_was_running_ = false;
      OnRunFinished();
    }
  }
  const std::size_t events = trace_.events().size();
  if (events != problems_event_count_ && (!running() || events - problems_event_count_ > kProblemsEveryEvents)) CollectProblems();
}

void Workspace::FinishRunBlocking(double timeout_s) {
  const double until = monotonic_seconds() + timeout_s;
  while (running() && monotonic_seconds() < until) {
    if (session_->pump(trace_) > 0) news_.events_arrived = true;
    else ::usleep(5000);
  }
  if (running()) session_->stop();
  PumpRun();
}

void Workspace::OnRunFinished() {
  news_.run_ended = true;
  edited_copy_.remove();
  CollectProblems();
  verdict_ = judge_run(lesson(), program_.exercise, trace_);
  if (verdict_.exercise_passed() && !program_.solution)
    news_.exercise_passed = lesson()->id + "/" + lesson()->exercises[static_cast<std::size_t>(verdict_.exercise)].id;
  if (any_failure(problems_)) news_.show_problems = true;
}

void Workspace::CollectProblems() {
  const bool ended = session_ && !running();
  problems_ = run_problems({trace_, run_files_, lesson(), start_error_, ended ? session_->raw_output() : std::string()});
  problems_event_count_ = trace_.events().size();
}

double Workspace::run_elapsed_s() const {
  return running() ? session_->elapsed_s() : static_cast<double>(trace_.end_time()) / 1e9;
}

std::uint64_t Workspace::records_dropped() const { return session_ && !running() ? session_->records_dropped() : 0; }

// ---- earlier runs ----

void Workspace::ArchiveCurrentRun() {
  if (!run_started_ || trace_.empty() || !trace_.ended()) return;
  history_.keep(std::move(trace_), current_setup_);
}

bool Workspace::Pin(int index) { return history_.pin(index); }

void Workspace::Unpin() { history_.unpin(); }

bool Workspace::PinLastRun() { return history_.pin_last(); }

bool Workspace::PinSavedRun(const std::string& path, std::string pinned_title, std::string current_title, std::string* error) {
  auto trace = std::make_unique<Trace>();
  if (!load_trace_file(path, *trace, error)) return false;
  history_.pin_saved(std::move(trace), std::move(pinned_title), std::move(current_title));
  return true;
}

}  // namespace loopscope
