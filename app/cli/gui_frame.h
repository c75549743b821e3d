// What the offscreen GUI commands share (cmd_gui.cpp): one frame of the whole UI, and the
// --view options that put the App in a given state.
#pragma once

#include <string>

#include "cli/commands.h"
#include "ui/app.h"


namespace loopscope::cli {

// One frame of the UI into the current framebuffer, at a fixed logical size when given
// (width > 0: no mouse, no hover effects), else the window's.
void render_frame(platform::Window& window, ui::App& app, int width, int height, bool swap);

// "knob:blocking=1,knob:tasks=3" -> SetKnob calls; "edit:FILE" opens the editor on FILE's text
// in place of the program's; "dialog:save-trace" opens that file dialog; "record:OUT.mp4" the
// Record video options.
void apply_view_options(ui::App& app, const std::string& view);

// The App's configuration from a command's options (the GUI, screenshot, record).
ui::AppConfig app_config(const std::string& lessons_dir, const std::string& theme, float scale, const PythonOptions& py);

// Runs the opened program to its end; with `compare` ("knob:NAME=VALUE,..."), runs it again
// with those changes and pins the first run above it (runs compared on one time axis).
void run_and_compare(ui::App& app, const std::string& compare, double timeout_s);

}  // namespace loopscope::cli
