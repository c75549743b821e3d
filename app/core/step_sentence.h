// One sentence for one step of a run: "ticker suspends at line 13: awaits sleep(0.05)". The
// inspector's headline and the presenter layout's caption.
#pragma once

#include <string>

#include "core/lane_names.h"
#include "core/trace_model.h"

namespace loopscope {

// With `names`, lanes are called as the timeline titles them ("ticker", "consumer #1") rather
// than by their Python names ("Task-2").
std::string step_sentence(const Trace& trace, EventIndex index, const LaneNames* names = nullptr);
// A short name for a kind of event: "suspend", "callback end".
const char* event_kind_name(EventKind kind);

}  // namespace loopscope
