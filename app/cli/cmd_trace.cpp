// loopscope trace: run a script headless under the tracer (or re-read a saved trace), write
// the Chrome trace / the event stream, print a text timeline. The script's own stdout and
// stderr pass through unchanged and its exit status is ours.
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "core/chrome_export.h"
#include "core/font_files.h"
#include "core/theme.h"
#include "core/text_timeline.h"
#include "core/trace_io.h"
#include "runner/run_session.h"
#include "ui/timeline/font_metrics.h"
#include "ui/timeline/timeline_svg.h"

namespace loopscope::cli {

namespace {

constexpr int kTracerFailed = 70;  // EX_SOFTWARE: the tracer itself failed
constexpr int kTimedOut = 124;     // like timeout(1)

void say(const std::string& message) { std::fprintf(stderr, "loopscope: %s\n", message.c_str()); }

// Our exit status for a traced run: the script's own, or a status that says what went wrong.
int exit_status_of(const Trace& trace) {
  const RunInfo& info = trace.info();
  switch (info.status) {
    case EndStatus::Finished:
    case EndStatus::Failed: return info.exit_code;
    case EndStatus::Crashed: return 128 + info.signal;
    case EndStatus::Timeout: return kTimedOut;
    case EndStatus::Stopped: return 128 + (info.signal > 0 ? info.signal : 9);
    case EndStatus::TracerError:
    case EndStatus::Running: return kTracerFailed;
  }
  return kTracerFailed;
}

// The runner's explanation when it adds something the script's own output did not say.
void report_end(const Trace& trace) {
  const RunInfo& info = trace.info();
  const bool worth_saying = info.status == EndStatus::Crashed || info.status == EndStatus::Timeout ||
                            info.status == EndStatus::TracerError ||
                            info.end_message.find("apt-get install") != std::string::npos;
  if (worth_saying && !info.end_message.empty()) say(info.end_message);
}

bool write_svg(const Trace& trace, const TraceOptions& options) {
  std::vector<std::string> problems;
  const std::vector<Theme> themes = load_shipped_themes(&problems);
  for (const std::string& p : problems) say(p);
  const Theme theme = pick_theme(themes, options.theme);
  if (theme.id != options.theme) say("no theme '" + options.theme + "'; drawing with '" + theme.id + "'");
  const timeline::FontFileMetrics metrics(kUiFontPx, kSmallFontPx);
  if (!metrics.exact()) say("Inter not found (Debian: fonts-inter): label widths in the SVG are estimates");
  timeline::SvgExportOptions svg;
  svg.width = static_cast<float>(options.svg_width);
  if (!options.svg_range.empty()) {
    double from = 0, to = 0;
    if (std::sscanf(options.svg_range.c_str(), "%lf:%lf", &from, &to) != 2 || !(to > from)) {
      say("--svg-range takes FROM:TO in milliseconds, FROM < TO (got '" + options.svg_range + "')");
      return false;
    }
    svg.t0 = from * 1e6;
    svg.t1 = to * 1e6;
  }
  std::string error;
  if (timeline::save_timeline_svg(trace, theme, metrics, svg, options.svg, &error)) return true;
  say(error);
  return false;
}

bool write_outputs(const Trace& trace, const TraceOptions& options) {
  bool ok = true;
  std::string error;
  if (!options.out.empty() && !save_chrome_trace(trace, options.out, &error)) {
    say(error);
    ok = false;
  }
  if (!options.jsonl.empty() && !save_jsonl(trace, options.jsonl, &error)) {
    say(error);
    ok = false;
  }
  if (options.text) std::fputs(render_text_timeline(trace, options.width).c_str(), stderr);
  if (!options.svg.empty() && !write_svg(trace, options)) ok = false;
  return ok;
}

int load_saved(const TraceOptions& options) {
  Trace trace;
  std::string error;
  const bool loaded = load_trace_file(options.load, trace, &error);
  if (!loaded) {
    say(error);
    if (trace.empty()) return 1;
  }
  if (!options.text && options.out.empty() && options.jsonl.empty() && options.svg.empty())
    std::fprintf(stderr, "loopscope: read %zu events from %s (add --text or -o FILE)\n", trace.events().size(),
                 options.load.c_str());
  const bool written = write_outputs(trace, options);
  return loaded && written ? 0 : 1;
}

volatile std::sig_atomic_t g_interrupts = 0;
void on_interrupt(int) { g_interrupts = g_interrupts + 1; }

// Says on stderr that the event budget cut the trace (the trace has a note saying so too).
void report_budget(std::uint64_t dropped, long budget) {
  if (dropped == 0) return;
  say("the trace reached its budget of " + std::to_string(budget) + " events; " + std::to_string(dropped) +
      " later events were not recorded (the end of the run was; --max-events N to change the budget)");
}

// run_to_completion, but Ctrl-C (SIGINT/SIGTERM to us) is passed on: the first as SIGINT to
// the script (KeyboardInterrupt, as in a plain run), a second one kills it. The child is in
// its own process group, so without this it would outlive us.
Trace run_forwarding_interrupts(const RunRequest& request) {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  struct sigaction old_int {}, old_term {};
  sigaction(SIGINT, &action, &old_int);
  sigaction(SIGTERM, &action, &old_term);
  int handled = 0;
  std::uint64_t dropped = 0;
  Trace trace = run_to_completion(
      request,
      [&](RunSession& session) {
        if (g_interrupts <= handled) return;
        if (++handled == 1) session.send_signal(SIGINT);
        else session.stop();
      },
      &dropped);
  sigaction(SIGINT, &old_int, nullptr);
  sigaction(SIGTERM, &old_term, nullptr);
  report_budget(dropped, request.max_events);
  return trace;
}

bool died_of_sigint(const Trace& trace) {
  const RunInfo& info = trace.info();
  return info.signal == SIGINT && (info.status == EndStatus::Stopped || info.status == EndStatus::Crashed);
}

// A script that died of Ctrl-C ends us the same way (as python3 itself does), so that a shell
// loop or a Makefile running `loopscope trace` stops too instead of going on after exit 130.
// Only after the outputs are written.
void end_by_sigint() {
  std::fflush(stdout);
  std::fflush(stderr);
  std::signal(SIGINT, SIG_DFL);
  ::kill(::getpid(), SIGINT);
}

int run_script(const TraceOptions& options) {
  RunRequest request;
  request.python = options.py.python;
  request.script = options.script;
  request.args = options.args;
  request.timeout_s = options.py.timeout_s;
  request.pass_output = true;
  request.max_events = options.py.max_events;
  std::error_code ec;
  request.cwd = std::filesystem::current_path(ec).string();  // like `python3 script.py`
  const Trace trace = run_forwarding_interrupts(request);
  std::fflush(stdout);
  report_end(trace);
  const bool written = write_outputs(trace, options);
  if (!written) return kTracerFailed;
  if (died_of_sigint(trace)) end_by_sigint();
  return exit_status_of(trace);
}

}  // namespace

int run_trace(const TraceOptions& options) {
  if (!options.load.empty()) return load_saved(options);
  if (options.script.empty()) {
    say("trace needs a script (loopscope trace SCRIPT.py [-o out.json]) or --load FILE");
    return 2;
  }
  return run_script(options);
}

}  // namespace loopscope::cli
