// Options and entry points of loopscope's subcommands. main.cpp only parses argv (CLI11) into
// these structs and calls the matching function; each command lives in its own cmd_*.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace loopscope::cli {

// Options every command that runs Python shares.
struct PythonOptions {
  std::string python;        // --python PATH; empty: $LOOPSCOPE_PYTHON, then /usr/bin/python3, then python3 on PATH
  double timeout_s = 60.0;   // --timeout S
  long max_events = 2'000'000;  // --max-events: the event budget (0: none)
};

struct GuiOptions {
  std::string open_path;     // a .py script (ad-hoc lesson) or a saved trace (.json/.jsonl)
  std::string lesson;        // --lesson ID: open this lesson ("07" or its id)
  bool presenter = false;    // --presenter: start in the presenter layout (F11 toggles it)
  std::string lessons_dir;   // --lessons DIR; empty: found next to the binary
  std::string theme;         // --theme dark|light; empty: remembered setting
  float scale = 0.0f;        // --scale 1.0-2.0; 0: follow the monitor
  PythonOptions py;
};

struct TraceOptions {
  std::string script;              // SCRIPT.py (or empty with --load)
  std::vector<std::string> args;   // after --
  std::string load;                // --load FILE: re-read a saved trace instead of running
  std::string out;                 // -o out.json: Chrome trace export (with the event stream)
  std::string jsonl;               // --jsonl out.jsonl: the raw event stream
  bool text = false;               // --text: a terminal timeline, printed on stderr after the run
  int width = 100;                 // --width: columns of the --text timeline
  std::string svg;                 // --svg out.svg: the timeline as a picture (same painter as the app)
  std::string theme = "dark";      // --theme: of the --svg picture
  int svg_width = 1600;            // --svg-width
  std::string svg_range;           // --svg-range FROM:TO, in ms (empty: the whole run)
  PythonOptions py;
};

struct CheckOptions {
  std::vector<std::string> lessons;  // ids or folder names; empty: all
  std::string lessons_dir;
  bool verbose = false;
  std::string exercise;              // --exercise ID: only this exercise (one lesson)
  std::string answer;                // --answer FILE.py: judge it as the exercise's answer
  std::vector<std::string> knobs;    // --knob NAME=VALUE: knob values for every run
  bool program_only = false;         // --program: the lesson's program only, no exercises
  PythonOptions py;
};

struct ScreenshotOptions {
  std::string out = "loopscope.png";  // -o
  int width = 1600, height = 900;     // --size WxH
  std::string theme = "dark";         // --theme
  float scale = 1.0f;                 // --scale
  std::string lesson;                 // --lesson ID
  std::string script;                 // --script FILE
  std::string trace;                  // --trace FILE (saved trace)
  std::string lessons_dir;
  std::optional<long> step;           // --step N
  bool at_end = false;                // --at-end
  std::string select;                 // --select LANE (lane name)
  std::string view;                   // --view: extra view state, e.g. "knob:blocking=1"
  bool timeline_only = false;         // --timeline: only the timeline, all lanes, as Export PNG makes it
  bool presenter = false;             // --presenter: the presenter layout
  std::string compare;                // --compare knob:NAME=VALUE,...: a second run with these, compared
  int frames = 6;                     // frames rendered before the capture
  PythonOptions py;
};

// `loopscope record`: the playback as a video (what --speed means: core/playback_schedule.h).
struct RecordOptions {
  std::string out;                    // -o OUT.mp4 | OUT.gif
  int width = 1280, height = 720;     // --size WxH
  double fps = 0;                     // --fps; 0: 30 for an MP4, 15 for a GIF
  double speed = 0;                   // --speed: seconds of run per second of video; 0: auto
  double length_s = 12;               // --length: how long auto speed makes the playback
  double min_step_s = 0.2;            // --min-step: least time a step stays on screen
  std::string steps = "all";          // --steps all|switches|mycode: the steps the playhead stops at
  std::string theme = "dark";         // --theme
  float scale = 1.0f;                 // --scale
  bool presenter = false;             // --presenter
  std::string lesson;                 // --lesson ID
  std::string script;                 // --script FILE
  std::string trace;                  // --trace FILE (with --lesson: a saved run of that lesson)
  std::string lessons_dir;
  std::string view;                   // --view, as for screenshot
  std::string compare;                // --compare knob:NAME=VALUE,...: a second run with these, compared
  std::string pinned;                 // --pinned FILE: a saved run shown above this one (as the GUI compared)
  std::string pinned_title = "earlier run", title = "this run";  // --pinned-title, --title
  std::string code;                   // --code FILE: show this text as the program (an edited program's run)
  bool progress = false;              // --progress: "progress DONE TOTAL" lines on stdout (for the GUI)
  PythonOptions py;
};

int run_gui(const GuiOptions& options);
int run_trace(const TraceOptions& options);
int run_check(const CheckOptions& options);
int run_screenshot(const ScreenshotOptions& options);
// `loopscope bench ARGS`: runs loopscope-bench (bench/, not linked into loopscope) next to the binary.
int run_bench(const std::vector<std::string>& args);
int run_record(const RecordOptions& options);

}  // namespace loopscope::cli
