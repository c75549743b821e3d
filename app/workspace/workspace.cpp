// The workspace's lessons and programs: which lesson is open, the program the learner works on
// (a lesson's, an exercise's, a script), the knobs and the predictions chosen.
#include "workspace/workspace.h"

#include <filesystem>

#include "core/file_text.h"

namespace loopscope {
namespace fs = std::filesystem;

void WorkspaceNews::add(const WorkspaceNews& later) {
  new_trace |= later.new_trace;
  run_started |= later.run_started;
  events_arrived |= later.events_arrived;
  run_ended |= later.run_ended;
  trace_opened |= later.trace_opened;
  script_opened |= later.script_opened;
  show_problems |= later.show_problems;
  if (!later.exercise_passed.empty()) exercise_passed = later.exercise_passed;
  if (!later.message.empty()) message = later.message;
}

Workspace::Workspace(WorkspaceConfig config)
    : config_(std::move(config)), catalog_(load_lessons(locate_lessons(config_.lessons_dir))), edits_(config_.edits_folder) {}

Workspace::~Workspace() { StopRun(); }

const Lesson* Workspace::lesson() const {
  if (lesson_index_ < 0 || static_cast<std::size_t>(lesson_index_) >= catalog_.lessons.size()) return nullptr;
  return &catalog_.lessons[static_cast<std::size_t>(lesson_index_)];
}

// Before another program comes in: the run stops and the old program's edit is kept (under its
// own lesson and exercise, so before lesson_index_ changes).
void Workspace::LeaveProgram() {
  StopRun();
  KeepEditNow();
}

// A program replaces the old one: its kept edit comes back, and the old program's trace and
// runs are forgotten (nothing of another program to compare with).
void Workspace::EnterProgram(Program program) {
  program_ = std::move(program);
  RestoreKeptEdit();
  NewTrace();
  history_.clear();
  runs_made_ = 0;
  run_started_ = false;
  start_error_.clear();
}

// The trace is replaced (callers stop the run first): the process that made the old one goes
// with it, so that nothing of it (its output, records past its budget) is told of the new one.
void Workspace::NewTrace() {
  session_.reset();
  trace_ = Trace{};
  problems_.clear();
  problems_event_count_ = 0;
  verdict_ = {};
  quiz_.new_run();  // the score goes on for the session
  news_.new_trace = true;
}

bool Workspace::OpenLesson(int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= catalog_.lessons.size()) return false;
  LeaveProgram();
  lesson_index_ = index;
  const Lesson& l = catalog_.lessons[static_cast<std::size_t>(index)];
  knob_values_ = default_knob_values(l);
  quiz_on_ = l.which_runs_next;
  prediction_choices_.assign(l.predictions.size(), -1);
  Program program;
  program.title = l.main_program.empty() ? l.title : l.main_program;
  program.path = l.main_path;
  program.original = l.main_path.empty() ? std::string() : file_text(l.main_path);
  program.text = program.original;
  EnterProgram(std::move(program));
  return true;
}

bool Workspace::OpenLessonByKey(const std::string& key) {
  const Lesson* l = catalog_.find(key);
  return l && OpenLesson(static_cast<int>(l - catalog_.lessons.data()));
}

void Workspace::OpenScriptText(const std::string& path, std::string text) {
  LeaveProgram();
  lesson_index_ = -1;
  knob_values_.clear();
  quiz_on_ = false;
  prediction_choices_.clear();
  Program program;
  program.title = fs::path(path).filename().string();
  std::error_code ec;
  program.path = fs::absolute(path, ec).string();
  program.original = std::move(text);
  program.text = program.original;
  EnterProgram(std::move(program));
  WatchProgramFile();
  news_.script_opened = true;
}

bool Workspace::StartExercise(int index) { return OpenExerciseFile(index, /*solution=*/false); }

bool Workspace::ShowSolution(int index) { return OpenExerciseFile(index, /*solution=*/true); }

const Exercise* Workspace::ExerciseOfLesson(int index) const {
  const Lesson* l = lesson();
  if (!l || index < 0 || static_cast<std::size_t>(index) >= l->exercises.size()) return nullptr;
  return &l->exercises[static_cast<std::size_t>(index)];
}

bool Workspace::OpenExerciseFile(int index, bool solution) {
  const Exercise* ex = ExerciseOfLesson(index);
  if (!ex) return false;
  LeaveProgram();
  Program program;
  program.title = solution ? ex->solution_file + " (solution)" : ex->start_file + " (exercise)";
  program.path = solution ? ex->solution_path : ex->start_path;
  program.original = file_text(program.path);
  program.text = program.original;
  program.exercise = index;
  program.solution = solution;
  EnterProgram(std::move(program));
  return true;
}

bool Workspace::OpenAnswer(int exercise, const std::string& path, std::string* error) {
  const Exercise* ex = ExerciseOfLesson(exercise);
  if (!ex) {
    if (error) *error = "no exercise " + std::to_string(exercise);
    return false;
  }
  Program program;
  if (!read_text_file(path, program.original, error)) return false;
  LeaveProgram();
  program.title = fs::path(path).filename().string() + " (answer)";
  program.path = path;
  program.text = program.original;
  program.exercise = exercise;
  EnterProgram(std::move(program));
  return true;
}

void Workspace::SetKnob(const std::string& name, const std::string& value) {
  const Lesson* l = lesson();
  if (!l) return;
  for (const Knob& k : l->knobs) {
    if (k.name == name) knob_values_[name] = k.normalise(value);
  }
}

}  // namespace loopscope
