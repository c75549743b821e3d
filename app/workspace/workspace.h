// The workspace: what the learner has open and what their runs produced, with no window. The
// lesson catalog and the open lesson, the program and its kept edits, the knob values and the
// predictions chosen, the run (its process, its edited copy), the current trace, the earlier
// runs to compare with, the verdict, the problems and the "which task runs next?" game.
//
// The GUI's App is a shell of views over it and `loopscope check` drives it the same way, so a
// run is made, judged and explained by one piece of code. Everything happens on the caller's
// thread: the runner's reader threads only queue records, and Pump() moves them into the trace.
//
// What changed that views must follow (a new trace, a run that ended badly, ...) is collected
// as WorkspaceNews and handed over by Pump() or TakeNews(); the workspace never calls back.
#pragma once

#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/edits_store.h"
#include "core/lesson_catalog.h"
#include "core/next_run_game.h"
#include "core/python_traceback.h"
#include "core/run_titles.h"
#include "core/trace_io.h"
#include "core/trace_model.h"
#include "runner/edited_copy.h"
#include "runner/run_session.h"
#include "workspace/problems.h"
#include "workspace/program.h"
#include "workspace/run_history.h"
#include "workspace/run_verdict.h"

namespace loopscope {

struct WorkspaceConfig {
  std::string lessons_dir;   // empty: locate_lessons()
  std::string python;        // empty: locate_python()
  double timeout_s = 60.0;   // a script's time limit; a lesson's own limit is never longer
  long max_events = RunRequest::kDefaultMaxEvents;  // the runtime's event budget (0: none)
  std::string edits_folder;  // where the learner's edits are kept; empty: in memory only
};

// What changed since the views last looked. Flags add up until taken.
struct WorkspaceNews {
  bool new_trace = false;       // the trace was replaced: views of it start over
  bool run_started = false;     // a run is under way (follow it live)
  bool events_arrived = false;  // the run recorded more
  bool run_ended = false;       // the run ended (or could not start): the verdict is in
  bool trace_opened = false;    // a saved trace was opened (show its end)
  bool script_opened = false;   // a script became the program (as OpenScript does)
  bool show_problems = false;   // a run failed, could not start, or a file did not load
  std::string exercise_passed;  // "lesson/exercise" when a run of it passed (not a solution's)
  std::string message;          // one line for the status bar ("Opened trace x.json")

  void add(const WorkspaceNews& later);
};

class Workspace {
 public:
  explicit Workspace(WorkspaceConfig config);
  ~Workspace();  // stops a run
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // ---- Lessons and programs (workspace.cpp) ----
  const LessonCatalog& catalog() const { return catalog_; }
  const Lesson* lesson() const;  // null: a script or nothing is open
  int lesson_index() const { return lesson_index_; }
  bool OpenLesson(int index);    // its program, default knobs, kept edit; false: no such lesson
  bool OpenLessonByKey(const std::string& key);
  // Makes `text` (read from `path`) the program: a script of the learner's own.
  void OpenScriptText(const std::string& path, std::string text);
  // An exercise's start file (the learner edits a copy, the file stays as shipped) or its
  // reference solution (read-only). False: no such exercise in the open lesson.
  bool StartExercise(int index);
  bool ShowSolution(int index);
  // A learner's answer to an exercise, run from where it lies (`loopscope check --answer`).
  bool OpenAnswer(int exercise, const std::string& path, std::string* error);
  void SetKnob(const std::string& name, const std::string& value);
  // The quiz game follows the run while on (a lesson turns it on when it asks for it).
  void SetQuiz(bool on) { quiz_on_ = on; }
  bool quiz_on() const { return quiz_on_; }
  NextRunGame& quiz() { return quiz_; }
  // Views edit these in place: the editor the text, the lesson panel the knobs and choices.
  Program& program() { return program_; }
  const Program& program() const { return program_; }
  KnobValues& knob_values() { return knob_values_; }
  std::vector<int>& prediction_choices() { return prediction_choices_; }

  // ---- Files: scripts and saved traces read off the caller's thread; live reload (workspace_files.cpp) ----
  // Starts reading a .py script or a saved trace (.json, .jsonl); Pump() applies it. False
  // while another file is still loading. `run_when_loaded`: a script runs as soon as it is in.
  bool OpenPath(const std::string& path, bool run_when_loaded = false);
  bool OpenPathBlocking(const std::string& path, std::string* error);
  bool loading() const { return pending_load_.valid(); }
  // While a saved trace loads: how far it is (read from the loading thread) and the file's
  // name; null otherwise. CancelLoad() stops it within a block, and nothing changes.
  const LoadProgress* load_progress() const { return pending_load_.valid() ? load_progress_.get() : nullptr; }
  const std::string& loading_name() const { return loading_name_; }
  void CancelLoad() {
    if (load_progress_) load_progress_->cancel = true;
  }
  // A script (not a lesson, not edited) runs again when its file changes on disk.
  void SetLiveReload(bool on);

  // ---- The learner's edits, kept per lesson program and exercise (workspace_edits.cpp) ----
  const EditsStore& edits() const { return edits_; }
  bool edit_pending() const { return edit_changed_at_ != 0.0; }  // typed, not kept yet
  void KeepEditNow();  // before the program is replaced, and at exit
  // Back to the original text: the edit is dropped and the run of the edited text forgotten
  // (its trace, problems and marks). The GUI's editor puts the text back itself, undoably, and
  // then calls ForgetEditedRun().
  void ResetProgram();
  void ForgetEditedRun();

  // ---- The run (run_control.cpp) ----
  void StartRun();  // the program as it stands, with the knobs; the previous run goes into history
  void StopRun();
  // The caller's thread, every frame: applies what the run recorded, applies a loaded file,
  // keeps a paused edit, reloads a changed script. Returns the news since the last call.
  WorkspaceNews Pump();
  // Pumps until the run ends or `timeout_s` passes (then stops it); the verdict is in after.
  void FinishRunBlocking(double timeout_s);
  WorkspaceNews TakeNews();  // the news of the actions since the last Pump()
  bool running() const { return session_ && session_->running(); }
  bool has_run() const { return run_started_; }  // the trace is a run's or a saved one's
  const Trace& trace() const { return trace_; }
  // The records the run has written so far, taken into the trace or not yet: a run producing
  // them faster than they are applied is behind by the difference.
  std::size_t events_received() const { return session_ ? session_->events_received() : 0; }
  double run_elapsed_s() const;
  std::uint64_t records_dropped() const;  // records past the event budget, once the run ended
  const ProgramFiles& run_files() const { return run_files_; }
  const RunVerdict& verdict() const { return verdict_; }
  const std::vector<Problem>& problems() const { return problems_; }

  // ---- Earlier runs compared with the current one (run_control.cpp) ----
  const RunHistory& history() const { return history_; }
  const RunSetup& current_setup() const { return current_setup_; }
  bool Pin(int index);
  void Unpin();
  bool PinLastRun();
  bool PinSavedRun(const std::string& path, std::string pinned_title, std::string current_title, std::string* error);
  const Trace* PinnedTrace() const { return history_.pinned_trace(); }
  std::pair<std::string, std::string> ComparisonTitles() const { return history_.titles(lesson(), current_setup_); }
  std::string PastRunTitle(std::size_t index) const { return history_.title_of(index, lesson(), current_setup_); }

 private:
  // A file read off the caller's thread, handed over whole.
  struct Loaded {
    std::string path;
    std::string text;
    std::unique_ptr<Trace> trace;  // when the file was a saved trace
    bool is_trace = false;
    bool cancelled = false;        // CancelLoad(): nothing to show
    bool damaged = false;          // a trace read only up to where the file broke
    std::string error;
  };

  // Programs (workspace.cpp).
  void LeaveProgram();                  // the run stops, the edit is kept
  void EnterProgram(Program program);   // its kept edit back, the old trace and runs forgotten
  void NewTrace();
  const Exercise* ExerciseOfLesson(int index) const;
  bool OpenExerciseFile(int index, bool solution);
  // Files (workspace_files.cpp).
  void PollBackgroundLoad();
  void ApplyLoadedTrace(Loaded& loaded);
  void WatchProgramFile();  // live reload compares the file's time with the one seen now
  void PollLiveReload();
  // Edits (workspace_edits.cpp).
  std::optional<EditKey> EditKeyOfProgram() const;
  void RestoreKeptEdit();  // after a lesson program or exercise was loaded into program_
  void KeepEditSoon();     // every pump: keeps a changed text once typing pauses
  // The run (run_control.cpp).
  bool PrepareScript(std::string& script);  // the file to run: the program's, or its edited copy
  RunRequest RequestFor(const std::string& script) const;
  void FailStart(std::string error);
  void PumpRun();
  void OnRunFinished();
  void CollectProblems();
  void ArchiveCurrentRun();

  WorkspaceConfig config_;
  WorkspaceNews news_;

  // What is open.
  LessonCatalog catalog_;
  int lesson_index_ = -1;
  Program program_;
  KnobValues knob_values_;
  std::vector<int> prediction_choices_;
  EditsStore edits_;
  std::string kept_text_;  // the text the store holds for the current program
  double edit_changed_at_ = 0.0;

  // The run and what it produced.
  std::unique_ptr<RunSession> session_;
  EditedCopy edited_copy_;  // the edited text the current run runs from
  ProgramFiles run_files_;  // the run's program as run and as the learner knows it
  Trace trace_;
  bool run_started_ = false;
  bool run_was_running_ = false;
  std::string start_error_;
  RunVerdict verdict_;
  std::vector<Problem> problems_;
  std::size_t problems_event_count_ = 0;  // the trace's size when problems_ were collected
  RunHistory history_;
  RunSetup current_setup_;  // how the current run was made
  int runs_made_ = 0;
  NextRunGame quiz_;
  bool quiz_on_ = false;

  // Files.
  std::future<Loaded> pending_load_;
  std::shared_ptr<LoadProgress> load_progress_;  // of the trace being loaded (read while it loads)
  std::string loading_name_;
  std::string run_when_loaded_;  // the script to run once it has loaded
  bool live_reload_ = false;
  long long watched_mtime_ = 0;
  double last_reload_poll_ = 0.0;
};

}  // namespace loopscope
