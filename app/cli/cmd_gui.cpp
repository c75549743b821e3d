// `loopscope [FILE]`, `loopscope run FILE.py`: the GUI window and its main loop.
// `loopscope screenshot`: the same UI rendered in a hidden window into an offscreen framebuffer
// and saved as a PNG (used for the README and the GUI smoke tests).
#include <csignal>
#include <cstdio>
#include <memory>
#include <sstream>
#include <string>

#include <imgui.h>

#include "cli/commands.h"
#include "cli/gui_frame.h"
#include "cli/workspace_config.h"
#include "core/file_text.h"
#include "platform/offscreen.h"
#include "platform/png_file.h"
#include "platform/settings.h"
#include "platform/window.h"
#include "ui/app.h"

namespace loopscope::cli {
namespace {

// Ctrl-C in the terminal or a SIGTERM closes the window the normal way, so that a running
// script's process group is stopped by the App instead of being left behind.
volatile std::sig_atomic_t g_quit_signal = 0;
void request_quit(int signal_number) { g_quit_signal = signal_number; }

int fail(const std::string& message) {
  std::fprintf(stderr, "loopscope: %s\n", message.c_str());
  return 1;
}

}  // namespace

// "knob:blocking=1,knob:tasks=3" -> SetKnob calls; "edit:FILE" opens the editor on FILE's text
// in place of the program's; "dialog:save-trace" opens that file dialog; "record:OUT.mp4" the
// Record video options.
void apply_view_options(ui::App& app, const std::string& view) {
  std::stringstream parts(view);
  for (std::string part; std::getline(parts, part, ',');) {
    if (part.rfind("edit:", 0) == 0) {
      std::string text, error;
      if (read_text_file(part.substr(5), text, &error)) app.EditProgram(text);
      else std::fprintf(stderr, "loopscope: %s (continuing)\n", error.c_str());
    }
    if (part.rfind("record:", 0) == 0) app.OpenRecordOptions(part.substr(7));
    if (part.rfind("dialog:", 0) == 0 && !app.OpenFileDialog(part.substr(7)))
      std::fprintf(stderr, "loopscope: no dialog '%s' (continuing)\n", part.substr(7).c_str());
    if (part.rfind("knob:", 0) != 0) continue;
    const std::string assignment = part.substr(5);
    const auto eq = assignment.find('=');
    if (eq != std::string::npos) app.SetKnob(assignment.substr(0, eq), assignment.substr(eq + 1));
  }
}

// After the run: `quiz` turns the "which task runs next?" quiz on and puts the playhead on its
// first question; `quiz-answer:NAME` then answers it with the lane of that name.
void apply_quiz_options(ui::App& app, const std::string& view) {
  std::stringstream parts(view);
  for (std::string part; std::getline(parts, part, ',');) {
    if (part == "quiz") {
      app.SetQuiz(true);
      if (!app.GoToFirstQuestion()) std::fprintf(stderr, "loopscope: the run has no question to ask (continuing)\n");
    } else if (part.rfind("quiz-answer:", 0) == 0 && !app.AnswerQuestion(part.substr(12))) {
      std::fprintf(stderr, "loopscope: no open question '%s' answers (continuing)\n", part.substr(12).c_str());
    }
  }
}

ui::AppConfig app_config(const std::string& lessons_dir, const std::string& theme, float scale, const PythonOptions& py) {
  ui::AppConfig config;
  config.theme = theme;
  config.scale = scale;
  config.workspace = workspace_config(lessons_dir, py);
  return config;
}

void run_and_compare(ui::App& app, const std::string& compare, double timeout_s) {
  app.StartRun();
  app.FinishRunBlocking(timeout_s);
  if (compare.empty()) return;
  // The run so far is pinned; a second run with the changes is compared with it.
  apply_view_options(app, compare);
  app.StartRun();
  app.FinishRunBlocking(timeout_s);
  app.PinLastRun();
}

// One frame of the UI into the current framebuffer, at a fixed logical size when given.
void render_frame(platform::Window& window, ui::App& app, int width, int height, bool swap) {
  app.BeforeFrame();
  window.begin_frame();
  ImGuiIO& io = ImGui::GetIO();
  if (width > 0) {
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.MousePos = ImVec2(-1e6f, -1e6f);  // no hover effects in a screenshot
  }
  ImGui::NewFrame();
  app.Draw();
  window.end_frame(false);
  app.AfterRender();
  if (swap) window.swap();
}

int run_gui(const GuiOptions& options) {
  const platform::Settings remembered = platform::load_settings(platform::settings_path());
  platform::WindowOptions wo;
  wo.width = remembered.window_width;
  wo.height = remembered.window_height;
  wo.x = remembered.window_x;
  wo.y = remembered.window_y;
  wo.maximized = remembered.maximized;
  std::string error;
  auto window = platform::Window::create(wo, &error);
  if (!window) return fail(error);

  ui::AppConfig config = app_config(options.lessons_dir, options.theme, options.scale, options.py);
  config.open_path = options.open_path;
  config.run_opened_script = true;  // a script named on the command line runs at once
  ui::App app(*window, config);
  if (!options.lesson.empty() && !app.OpenLessonByKey(options.lesson)) {
    std::string known;
    for (const Lesson& lesson : app.workspace().catalog().lessons) known += (known.empty() ? "" : ", ") + lesson.id.substr(0, 2);
    return fail("no lesson '" + options.lesson + "' (the lessons are " + known + ")");
  }
  if (options.presenter) app.SetPresenter(true);
  std::signal(SIGINT, request_quit);
  std::signal(SIGTERM, request_quit);
  while (!window->should_close() && !app.QuitRequested() && !g_quit_signal) {
    // Idle: sleep until input (at most 0.25 s); a run, playback or loading animates at vsync.
    window->poll_events(app.Animating() ? 0.0 : 0.25);
    render_frame(*window, app, 0, 0, true);
  }
  app.Shutdown();
  return 0;
}

int run_screenshot(const ScreenshotOptions& options) {
  platform::WindowOptions wo;
  wo.width = options.width;
  wo.height = options.height;
  wo.visible = false;
  std::string error;
  auto window = platform::Window::create(wo, &error);
  if (!window) return fail(error);
  auto target = platform::OffscreenTarget::create(options.width, options.height, &error);
  if (!target) return fail(error);

  ui::AppConfig config = app_config(options.lessons_dir, options.theme, options.scale, options.py);
  config.persistent = false;  // a screenshot never reads or changes the user's settings
  ui::App app(*window, config);
  if (options.presenter) app.SetPresenter(true);

  if (!options.lesson.empty() && !app.OpenLessonByKey(options.lesson)) return fail("no lesson '" + options.lesson + "'");
  if (!options.script.empty()) {
    if (!app.OpenPathBlocking(options.script, &error)) return fail(error);
  }
  if (!options.trace.empty() && !app.OpenPathBlocking(options.trace, &error)) return fail(error);
  apply_view_options(app, options.view);
  if (!options.lesson.empty() || !options.script.empty()) {
    run_and_compare(app, options.compare, options.py.timeout_s);
  } else if (!options.compare.empty()) {
    return fail("--compare needs --lesson or --script (a run to make twice)");
  }
  const auto& events = app.trace().events();
  if (options.step) app.playhead().seek(events, static_cast<EventIndex>(*options.step));
  else if (options.at_end || !events.empty()) app.playhead().last(events);
  apply_quiz_options(app, options.view);
  if (!options.select.empty() && !app.SelectLaneByName(options.select)) {
    std::fprintf(stderr, "loopscope: no lane named '%s' (continuing)\n", options.select.c_str());
  }

  // Let layout, fonts and the timeline's fit settle, then capture the last frame.
  target->bind();
  for (int i = 0; i < options.frames; ++i) {
    window->poll_events(0.0);
    render_frame(*window, app, options.width, options.height, false);
  }
  platform::Image image = target->read();
  target->unbind();
  if (options.timeline_only) {
    image = app.TimelinePicture(static_cast<float>(options.width), &error);
    if (image.rgba.empty()) return fail(error);
  }
  app.Shutdown();
  if (!platform::write_png(options.out, image)) return fail("cannot write " + options.out);
  std::fprintf(stderr, "loopscope: wrote %s (%dx%d)\n", options.out.c_str(), image.width, image.height);
  return 0;
}

}  // namespace loopscope::cli
