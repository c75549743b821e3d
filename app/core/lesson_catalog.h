// The lesson catalog: every lessons/NN-slug/ folder read from its lesson.toml, lesson.md and
// programs (format: docs/lesson-format.md). A malformed lesson becomes a Lesson whose `error`
// says what is wrong (file:line) and never stops the others from loading. No ImGui here.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/lesson_checks.h"
#include "core/trace_model.h"

namespace loopscope {

// A control the learner moves before a run; it reaches the program as an environment
// variable which the program reads with a default (so every program also runs plain).
struct Knob {
  enum class Type { Int, Float, Bool, Choice };
  std::string name;                  // key in lesson.toml, e.g. "tasks"
  std::string env;                   // environment variable, e.g. "LS_TASKS"
  std::string label;                 // shown next to the control
  std::string help;                  // tooltip: what moving it shows
  Type type = Type::Int;
  double min = 0, max = 1, step = 1;  // Int / Float ranges
  double default_number = 0;          // Int / Float default
  bool default_bool = false;          // Bool default
  std::vector<std::string> choices;   // Choice values (passed verbatim)
  std::string default_choice;         // Choice default

  // The default value as it is passed in the environment ("3", "0.25", "1", "blocking").
  std::string default_text() const;
  // `value` checked against the knob (clamped to the range, a known choice, a bool as 0/1);
  // the default when it does not parse.
  std::string normalise(const std::string& value) const;
};

// Knob values as text keyed by Knob::name; missing knobs take their defaults.
using KnobValues = std::map<std::string, std::string>;

// One answer of a predict-first question: it is the right one when its `when` check passes
// on the run's trace (the first choice whose check passes wins).
struct PredictionChoice {
  std::string text;
  CheckSpec when;
};

struct Prediction {
  std::string id;
  std::string question;              // asked before the run
  std::vector<PredictionChoice> choices;
  std::string explain;               // shown after the run, with the right answer
};

struct Exercise {
  std::string id;
  std::string title;
  std::string instructions;          // Markdown
  std::string start_file;            // file name in the lesson folder (the learner edits a copy)
  std::string solution_file;         // reference solution beside it; must pass `checks`
  std::string start_path;            // full paths of the two
  std::string solution_path;
  std::vector<CheckSpec> checks;     // the start file fails them, the solution passes them
};

// A Python module a lesson needs beyond the standard library, and the Debian package that
// provides it for /usr/bin/python3.
struct ModuleRequirement {
  std::string module;                // "aiofiles"
  std::string debian_package;        // "python3-aiofiles"
};

struct Lesson {
  std::string id;                    // from lesson.toml, e.g. "07-blocking-vs-cooperative"
  std::string folder;                // path of the lesson folder
  std::string title;
  std::string chapter;               // "Iteration", "Coroutines", "Streams", ...
  int order = 0;                     // position in the catalog
  std::string summary;               // one line for the lesson list
  std::string main_program;          // file name of the program shipped with the lesson
  std::string main_path;             // its full path
  std::string narrative;             // contents of lesson.md (Markdown)
  std::vector<std::string> programs; // every *.py file in the folder, sorted
  std::vector<ModuleRequirement> requires_modules;
  std::vector<Knob> knobs;
  std::vector<Prediction> predictions;
  std::vector<Exercise> exercises;
  std::vector<CheckSpec> expect;     // the shipped program's own trace must satisfy these
  double timeout_s = 20.0;           // a run of this lesson's programs is stopped after this
  // "Which task runs next?" is asked by default when stepping through this lesson's runs
  // (lesson.toml `which_runs_next = true`; a toggle elsewhere). See core/next_run_quiz.h.
  bool which_runs_next = false;
  // Hints for scripts/lesson-screenshots.sh: the step the playhead is put at (-1: the end of
  // the run) and the lane selected (empty: none), so the picture shows the lesson's point.
  long screenshot_step = -1;
  std::string screenshot_select;
  std::string error;                 // empty when the lesson loaded; else file:line: what is wrong

  bool ok() const { return error.empty(); }
};

struct LessonCatalog {
  std::string dir;                   // the folder that was read
  std::vector<Lesson> lessons;       // sorted by order, then folder name; broken ones included
  std::string error;                 // the folder itself could not be read

  // By id or by folder name ("07-blocking-vs-cooperative"), or by its number prefix ("07", "7").
  const Lesson* find(std::string_view key) const;
};

// Reads every sub-folder of `dir` that holds a lesson.toml.
LessonCatalog load_lessons(const std::string& dir);
// Reads one lesson folder.
Lesson load_lesson(const std::string& folder);

// The environment a run of `lesson` gets: one (env name, value) per knob, defaults for the
// knobs `values` does not set, every value normalised.
std::vector<std::pair<std::string, std::string>> knob_env(const Lesson& lesson, const KnobValues& values = {});
KnobValues default_knob_values(const Lesson& lesson);

// The lessons folder: `requested` if not empty, else $LOOPSCOPE_LESSONS, else a `lessons`
// folder beside the executable, else ../lessons from it (the build tree). Empty if none.
std::string locate_lessons(const std::string& requested = {});

// When the run failed because a module the lesson declares is missing, what to install:
// "This lesson needs the Python module 'aiofiles': sudo apt install python3-aiofiles".
// Empty otherwise.
std::string missing_module_hint(const Lesson& lesson, const Trace& trace);

// The index of the right choice of `prediction` for this run's trace, or -1 if none fits.
int correct_choice(const Prediction& prediction, const Trace& trace);

}  // namespace loopscope
