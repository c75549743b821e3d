// `loopscope record`: the playback of a run as a video. The whole UI (or the presenter layout)
// is rendered offscreen frame by frame through the same App and painter as the window, with
// the playhead placed on the step core/playback_schedule.h gives each frame (never by the
// clock, so a recording is the same however slow the machine), and the frames go to ffmpeg
// (platform/video_encoder.h).
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "cli/gui_frame.h"
#include "core/file_text.h"
#include "core/playback_schedule.h"
#include "core/time_format.h"
#include "platform/offscreen.h"
#include "platform/video_encoder.h"
#include "platform/window.h"
#include "ui/app.h"

namespace loopscope::cli {
namespace {

constexpr int kSettleFrames = 6;   // layout, fonts and the timeline's fit settle before frame 1
constexpr double kMaxMinutes = 20;  // a recording longer than this is a mistake in the options

// Ctrl-C, SIGTERM (the GUI's Cancel) or a closed terminal: stop, and write nothing.
volatile std::sig_atomic_t g_cancel = 0;
void request_cancel(int) { g_cancel = 1; }

int fail(const std::string& message, int status = 1) {
  std::fprintf(stderr, "loopscope: %s\n", message.c_str());
  return status;
}

std::optional<StepFilter> step_filter_named(const std::string& name) {
  if (name == "all") return StepFilter::All;
  if (name == "switches") return StepFilter::TaskSwitches;
  if (name == "mycode") return StepFilter::MyCode;
  return std::nullopt;
}

// The source is one of --lesson, --script, --trace; --lesson with --trace shows a saved run of
// that lesson (what the GUI records) without running it again.
bool valid_source(const RecordOptions& o) {
  const int named = !o.lesson.empty() + !o.script.empty() + !o.trace.empty();
  return named == 1 || (named == 2 && !o.lesson.empty() && !o.trace.empty());
}

// Opens the lesson, script or trace in `app` and runs it when it is a program.
bool load_source(ui::App& app, const RecordOptions& o, std::string* error) {
  if (!o.lesson.empty() && !app.OpenLessonByKey(o.lesson)) {
    *error = "no lesson '" + o.lesson + "'";
    return false;
  }
  if (!o.script.empty() && !app.OpenPathBlocking(o.script, error)) return false;
  if (!o.trace.empty() && !app.OpenPathBlocking(o.trace, error)) return false;
  apply_view_options(app, o.view);
  if (!o.code.empty()) {
    std::string text;
    if (!read_text_file(o.code, text, error)) return false;
    app.ShowProgramText(text);
  }
  if (o.trace.empty()) {
    run_and_compare(app, o.compare, o.py.timeout_s);
  } else if (!o.compare.empty()) {
    *error = "--compare needs --lesson or --script (a run to make twice), not a saved trace";
    return false;
  }
  if (!o.pinned.empty() && !app.PinSavedRun(o.pinned, o.pinned_title, o.title, error)) return false;
  app.DismissToast();
  if (app.trace().events().empty()) {
    *error = "the run has no events to record";
    return false;
  }
  return true;
}

void report_progress(const RecordOptions& o, std::size_t done, std::size_t total) {
  if (o.progress) {
    std::printf("progress %zu %zu\n", done, total);
    std::fflush(stdout);
  } else if (::isatty(STDERR_FILENO) && (done % 10 == 0 || done == total)) {
    std::fprintf(stderr, "\rloopscope: frame %zu / %zu", done, total);
    if (done == total) std::fputc('\n', stderr);
  }
}

}  // namespace

int run_record(const RecordOptions& options) {
  RecordOptions o = options;
  const auto format = platform::video_format_of(o.out);
  if (!format) return fail("-o names the video to write and must end in .mp4 or .gif (got '" + o.out + "')", 2);
  if (!valid_source(o)) return fail("record one of --lesson ID, --script FILE or --trace FILE (or --lesson with --trace)", 2);
  const auto filter = step_filter_named(o.steps);
  if (!filter) return fail("--steps is all, switches or mycode (got '" + o.steps + "')", 2);
  std::string error;
  const std::string ffmpeg = platform::find_ffmpeg(&error);
  if (ffmpeg.empty()) return fail(error, 2);
  if (o.fps <= 0) o.fps = *format == platform::VideoFormat::Gif ? 15 : 30;
  if (*format == platform::VideoFormat::Mp4 && (o.width % 2 || o.height % 2)) {
    // H.264 in yuv420p needs even sides: one pixel less rather than a scaled, blurred picture.
    o.width -= o.width % 2;
    o.height -= o.height % 2;
    std::fprintf(stderr, "loopscope: an MP4 needs even sides: recording %dx%d\n", o.width, o.height);
  }
  for (int s : {SIGINT, SIGTERM, SIGHUP}) std::signal(s, request_cancel);

  platform::WindowOptions wo;
  wo.width = o.width;
  wo.height = o.height;
  wo.visible = false;
  auto window = platform::Window::create(wo, &error);
  if (!window) return fail(error);
  auto target = platform::OffscreenTarget::create(o.width, o.height, &error);
  if (!target) return fail(error);
  platform::VideoSpec spec;
  spec.path = o.out;
  spec.format = *format;
  spec.width = o.width;
  spec.height = o.height;
  spec.fps = o.fps;
  spec.ffmpeg = ffmpeg;
  spec.cancelled = [] { return g_cancel != 0; };
  // Started before the run so that an unwritable folder is reported before any work.
  auto encoder = platform::VideoEncoder::start(spec, &error);
  if (!encoder) return fail(error);

  ui::AppConfig config = app_config(o.lessons_dir, o.theme, o.scale, o.py);
  config.persistent = false;  // a recording never reads or changes the user's settings
  ui::App app(*window, config);
  if (o.presenter) app.SetPresenter(true);
  if (!load_source(app, o, &error)) return fail(error);
  if (g_cancel) return fail("recording cancelled: nothing written");

  PlaybackPace pace;
  pace.fps = o.fps;
  pace.speed = o.speed;
  pace.target_s = o.length_s;
  pace.min_step_s = o.min_step_s;
  const auto events = app.trace().events();
  const PlaybackSchedule schedule = schedule_playback(events, *filter, pace);
  if (schedule.frames.empty()) return fail("no step of the run passes --steps " + o.steps);
  if (schedule.seconds() > kMaxMinutes * 60)
    return fail("that would be a " + std::to_string(static_cast<int>(schedule.seconds() / 60)) +
                "-minute video: raise --speed (or leave it out) or lower --min-step");
  std::fprintf(stderr,
               "loopscope: recording %zu steps in %.1f s (%zu frames at %g fps, %dx%d); speed %.3gx: one second of "
               "video shows %s of the run, every step at least %.2f s\n",
               schedule.steps, schedule.seconds(), schedule.frames.size(), o.fps, o.width, o.height, schedule.speed,
               format_duration(schedule.speed * 1e9).c_str(), schedule.min_step_s);

  target->bind();
  app.playhead().seek(events, schedule.frames.front());
  for (int i = 0; i < kSettleFrames; ++i) render_frame(*window, app, o.width, o.height, false);
  for (std::size_t k = 0; k < schedule.frames.size(); ++k) {
    if (g_cancel) break;
    window->poll_events(0.0);
    app.playhead().seek(events, schedule.frames[k]);
    render_frame(*window, app, o.width, o.height, false);
    if (!encoder->write(target->read().rgba, &error)) return fail(error);
    report_progress(o, k + 1, schedule.frames.size());
  }
  target->unbind();
  app.Shutdown();
  if (g_cancel) {
    encoder->cancel();
    return fail("recording cancelled: nothing written");
  }
  if (!encoder->finish(&error)) return fail(error == "cancelled" ? "recording cancelled: nothing written" : error);
  std::fprintf(stderr, "loopscope: wrote %s (%dx%d, %zu frames, %.1f s)\n", o.out.c_str(), o.width, o.height,
               schedule.frames.size(), schedule.seconds());
  return 0;
}

}  // namespace loopscope::cli
