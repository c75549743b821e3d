// loopscope's command line: the GUI by default, plus headless subcommands.
// Parsing only; every command is implemented in app/cli/cmd_*.cpp.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "version.h"

namespace {

using namespace loopscope::cli;

void add_python_options(CLI::App* cmd, PythonOptions& py) {
  cmd->add_option("--python", py.python,
                  "Python interpreter (default: $LOOPSCOPE_PYTHON, /usr/bin/python3, python3 on PATH)");
  cmd->add_option("--timeout", py.timeout_s, "Stop a script that runs longer than this (seconds)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-events", py.max_events, "Event budget: past it only the end of the run is recorded (0: none)")
      ->check(CLI::NonNegativeNumber);
}

bool parse_size(const std::string& text, int& width, int& height) {
  return std::sscanf(text.c_str(), "%dx%d", &width, &height) == 2 && width >= 320 && height >= 240 &&
         width <= 8192 && height <= 8192;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"loopscope: see how Python's iteration and asyncio really run"};
  app.set_version_flag("--version", std::string("loopscope ") + LOOPSCOPE_VERSION);
  app.require_subcommand(0, 1);

  GuiOptions gui;
  auto* file_opt = app.add_option("file", gui.open_path, "A Python script or a saved trace to open");
  app.add_option("--lesson", gui.lesson, "Open this lesson: its number (07) or its id")->excludes(file_opt);
  app.add_flag("--presenter", gui.presenter, "Start in the presenter layout for a projector (F11 toggles it)");
  app.add_option("--lessons", gui.lessons_dir, "Folder of lessons (default: next to the binary)");
  app.add_option("--theme", gui.theme, "dark, light or projector")->check(CLI::IsMember({"dark", "light", "projector"}));
  app.add_option("--scale", gui.scale, "UI scale, 1.0 to 2.0 (default: the monitor's)")
      ->check(CLI::Range(1.0f, 2.0f));
  add_python_options(&app, gui.py);

  auto* run_cmd = app.add_subcommand("run", "Open a Python script in the GUI as an ad-hoc lesson");
  GuiOptions run_gui_options;
  run_cmd->add_option("script", run_gui_options.open_path, "The script")->required()->check(CLI::ExistingFile);
  run_cmd->add_option("--theme", run_gui_options.theme, "dark, light or projector")->check(CLI::IsMember({"dark", "light", "projector"}));
  run_cmd->add_option("--scale", run_gui_options.scale, "UI scale")->check(CLI::Range(1.0f, 2.0f));
  add_python_options(run_cmd, run_gui_options.py);

  auto* trace_cmd = app.add_subcommand("trace", "Run a script headless under the tracer and save its trace");
  TraceOptions trace;
  trace_cmd->add_option("script", trace.script, "The script to run");
  trace_cmd->add_option("-o,--output", trace.out, "Write the trace (Chrome trace JSON, opens in Perfetto)");
  trace_cmd->add_option("--jsonl", trace.jsonl, "Write the raw event stream (JSON Lines)");
  trace_cmd->add_option("--load", trace.load, "Re-read a saved trace instead of running a script")
      ->check(CLI::ExistingFile);
  trace_cmd->add_flag("--text", trace.text, "Print a terminal timeline (on stderr) when done");
  trace_cmd->add_option("--width", trace.width, "Columns of the --text timeline")->check(CLI::Range(40, 400));
  trace_cmd->add_option("--svg", trace.svg, "Write the timeline as an SVG picture (the app's own painter)");
  trace_cmd->add_option("--theme", trace.theme, "Theme of the --svg picture: dark, light or projector");
  trace_cmd->add_option("--svg-width", trace.svg_width, "Width of the --svg picture in px")->check(CLI::Range(400, 20000));
  trace_cmd->add_option("--svg-range", trace.svg_range, "Only FROM:TO (milliseconds) of the run in the --svg picture");
  trace_cmd->add_option("args", trace.args, "Arguments for the script (after --)");
  add_python_options(trace_cmd, trace.py);
  // No positionals_at_end(): options may follow the script; its own arguments go after --.

  auto* check_cmd = app.add_subcommand("check", "Run lessons headless and verify what they promise");
  CheckOptions check;
  check_cmd->add_option("lessons", check.lessons, "Lesson ids (default: all)");
  check_cmd->add_option("--lessons-dir", check.lessons_dir, "Folder of lessons");
  check_cmd->add_flag("-v,--verbose", check.verbose, "Explain every check");
  check_cmd->add_option("--exercise", check.exercise, "Only this exercise of the lesson");
  check_cmd->add_option("--answer", check.answer,
                        "Judge this file as the answer to --exercise (exit 0 pass, 1 fail, 2 usage error)");
  check_cmd->add_option("--knob", check.knobs, "Run with a knob set, NAME=VALUE (repeatable)");
  check_cmd->add_flag("--program", check.program_only, "Only the lesson's program, not its exercises");
  add_python_options(check_cmd, check.py);

  auto* shot_cmd = app.add_subcommand("screenshot", "Render the GUI offscreen and save a PNG");
  ScreenshotOptions shot;
  std::string size = "1600x900";
  shot_cmd->add_option("-o,--output", shot.out, "PNG file to write");
  shot_cmd->add_option("--size", size, "Window size, WIDTHxHEIGHT");
  shot_cmd->add_option("--theme", shot.theme, "dark, light or projector")->check(CLI::IsMember({"dark", "light", "projector"}));
  shot_cmd->add_option("--scale", shot.scale, "UI scale")->check(CLI::Range(1.0f, 2.0f));
  shot_cmd->add_option("--lesson", shot.lesson, "Lesson id to open and run");
  shot_cmd->add_option("--script", shot.script, "Python script to open and run")->check(CLI::ExistingFile);
  shot_cmd->add_option("--trace", shot.trace, "Saved trace to open")->check(CLI::ExistingFile);
  shot_cmd->add_flag("--presenter", shot.presenter, "The presenter layout: code and timeline, a caption, taller lanes");
  shot_cmd->add_option("--compare", shot.compare,
                       "Run again with these changes (knob:NAME=VALUE,...) and show both runs on one time axis");
  shot_cmd->add_flag("--timeline", shot.timeline_only,
                     "Only the timeline, every lane, --size's width (as File > Export PNG makes it)");
  shot_cmd->add_option("--lessons-dir", shot.lessons_dir, "Folder of lessons");
  shot_cmd->add_option("--step", shot.step, "Place the playhead on this event");
  shot_cmd->add_flag("--at-end", shot.at_end, "Place the playhead on the last event");
  shot_cmd->add_option("--select", shot.select, "Select this lane: its title on the timeline (\"producer #2\") or its Python name (\"Task-3\")");
  shot_cmd->add_option("--view", shot.view, "Extra view settings, comma-separated: knob:NAME=VALUE, edit:FILE (the editor on FILE's text), dialog:save-trace, quiz (the playhead on the first \"which task runs next?\" question), quiz-answer:LANE");
  shot_cmd->add_option("--frames", shot.frames, "Frames to render before capturing")->check(CLI::Range(2, 600));
  add_python_options(shot_cmd, shot.py);

  auto* record_cmd = app.add_subcommand("record", "Record the playback of a run as a video (MP4 or GIF, through ffmpeg)");
  RecordOptions record;
  std::string record_size = "1280x720";
  std::string record_speed = "auto";
  record_cmd->add_option("-o,--output", record.out, "The video to write: .mp4 (H.264) or .gif")->required();
  record_cmd->add_option("--size", record_size, "Frame size, WIDTHxHEIGHT (default 1280x720)");
  record_cmd->add_option("--fps", record.fps, "Frames per second (default 30 for MP4, 15 for GIF)")->check(CLI::Range(1.0, 60.0));
  record_cmd->add_option("--speed", record_speed,
                         "Seconds of the run per second of video (0.25: four times slower than real time); "
                         "auto (default): the playback lasts --length seconds");
  record_cmd->add_option("--length", record.length_s, "With --speed auto: seconds the playback lasts (default 12)")
      ->check(CLI::Range(1.0, 600.0));
  record_cmd->add_option("--min-step", record.min_step_s, "Least seconds each step stays on screen (default 0.2)")
      ->check(CLI::Range(0.0, 10.0));
  record_cmd->add_option("--steps", record.steps, "The steps the playhead stops at: all (default), switches or mycode");
  record_cmd->add_option("--theme", record.theme, "A theme id: dark, light, projector (assets/themes)");
  record_cmd->add_option("--scale", record.scale, "UI scale")->check(CLI::Range(1.0f, 2.0f));
  record_cmd->add_flag("--presenter", record.presenter, "The presenter layout: code and timeline, a caption, taller lanes");
  record_cmd->add_option("--lesson", record.lesson, "Lesson id to open and run");
  record_cmd->add_option("--script", record.script, "Python script to open and run")->check(CLI::ExistingFile);
  record_cmd->add_option("--trace", record.trace, "Saved trace to play (with --lesson: a saved run of that lesson)")
      ->check(CLI::ExistingFile);
  record_cmd->add_option("--lessons-dir", record.lessons_dir, "Folder of lessons");
  record_cmd->add_option("--view", record.view, "Extra view settings, as for screenshot: knob:NAME=VALUE, edit:FILE");
  record_cmd->add_option("--compare", record.compare, "Record the run next to a second run with these changes, on one time axis: knob:NAME=VALUE,...");
  record_cmd->add_option("--pinned", record.pinned, "A saved run to show above this one, compared on one time axis")
      ->check(CLI::ExistingFile);
  record_cmd->add_option("--pinned-title", record.pinned_title, "The title of the --pinned run");
  record_cmd->add_option("--title", record.title, "The title of the recorded run when comparing with --pinned");
  record_cmd->add_option("--code", record.code, "Show this file's text as the program (the edited program a trace ran)")
      ->check(CLI::ExistingFile);
  record_cmd->add_flag("--progress", record.progress, "Print `progress DONE TOTAL` lines on stdout");
  add_python_options(record_cmd, record.py);

  // The benchmarks are their own program (loopscope-bench): its options are parsed there.
  auto* bench_cmd = app.add_subcommand("bench", "Measure tracing overhead and the model at scale (--quick, --full, --events N, --python PATH; --help for more)");
  bench_cmd->prefix_command();
  bench_cmd->set_help_flag();  // --help goes to loopscope-bench too

  CLI11_PARSE(app, argc, argv);

  if (*shot_cmd && !parse_size(size, shot.width, shot.height)) {
    std::fprintf(stderr, "loopscope: --size wants WIDTHxHEIGHT, e.g. 1600x900 (got '%s')\n", size.c_str());
    return 2;
  }
  if (*record_cmd) {
    if (!parse_size(record_size, record.width, record.height)) {
      std::fprintf(stderr, "loopscope: --size wants WIDTHxHEIGHT, e.g. 1280x720 (got '%s')\n", record_size.c_str());
      return 2;
    }
    if (record_speed != "auto" && (std::sscanf(record_speed.c_str(), "%lf", &record.speed) != 1 || record.speed <= 0)) {
      std::fprintf(stderr, "loopscope: --speed wants a positive number or auto (got '%s')\n", record_speed.c_str());
      return 2;
    }
    return run_record(record);
  }
  if (*run_cmd) return run_gui(run_gui_options);
  if (*trace_cmd) return run_trace(trace);
  if (*check_cmd) return run_check(check);
  if (*shot_cmd) return run_screenshot(shot);
  if (*bench_cmd) return run_bench(bench_cmd->remaining());
  return run_gui(gui);
}
