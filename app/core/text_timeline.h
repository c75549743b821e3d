// A terminal timeline of a trace (`loopscope trace --text`): one row per lane, time across
// the columns, a legend and a time scale. Plain ASCII so it survives any terminal or log.
#pragma once

#include <string>

#include "core/trace_model.h"

namespace loopscope {

// `width`: total columns of each row (lane names included), at least 40.
std::string render_text_timeline(const Trace& trace, int width = 100);

}  // namespace loopscope
