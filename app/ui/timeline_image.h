// The timeline as a picture for File > Export PNG (and video frames): painted by the timeline's
// own painter with the app's fonts and theme into an offscreen framebuffer, at a chosen width,
// every lane shown (the height follows the rows). Never a grab of the screen.
#pragma once

#include <string>

#include "core/theme.h"
#include "core/trace_model.h"
#include "platform/png_file.h"
#include "ui/timeline/timeline_svg.h"

namespace loopscope::ui {

// `options` as for the SVG export (range, width, playhead, groups). Call between frames, with
// the window's GL context current.
platform::Image timeline_image(const Trace& trace, const Theme& theme, const timeline::SvgExportOptions& options,
                               std::string* error);

}  // namespace loopscope::ui
