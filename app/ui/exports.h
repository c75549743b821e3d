// What File > Save/Export calls: the Chrome trace export (core) and the timeline image
// exporters (timeline panel). Each returns false with `error` set when it is not available.
#pragma once

#include <string>

#include "core/trace_model.h"

namespace loopscope::ui {

bool export_chrome_trace(const Trace& trace, const std::string& path, std::string* error);
bool export_timeline_png(const Trace& trace, const std::string& path, std::string* error);
bool export_timeline_svg(const Trace& trace, const std::string& path, std::string* error);

}  // namespace loopscope::ui
