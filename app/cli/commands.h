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
};

struct GuiOptions {
  std::string open_path;     // a .py script (ad-hoc lesson) or a saved trace (.json/.jsonl)
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
  int frames = 6;                     // frames rendered before the capture
  PythonOptions py;
};

struct BenchOptions {
  long events = 1'000'000;  // --events: size of the ingest / frame benchmarks
  bool quick = false;       // --quick: smaller workloads (for tests)
  bool full = false;        // --full: the model benchmarks at ten million events
  std::string python;       // --python
};

int run_gui(const GuiOptions& options);
int run_trace(const TraceOptions& options);
int run_check(const CheckOptions& options);
int run_screenshot(const ScreenshotOptions& options);
int run_bench(const BenchOptions& options);

}  // namespace loopscope::cli
