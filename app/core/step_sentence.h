// One sentence for one step of a run: "Task-2 suspends at line 13: awaits sleep(0.05)". The
// inspector's headline and the presenter layout's caption.
#pragma once

#include <string>

#include "core/trace_model.h"

namespace loopscope {

std::string step_sentence(const Trace& trace, EventIndex index);
// A short name for a kind of event: "suspend", "callback end".
const char* event_kind_name(EventKind kind);

}  // namespace loopscope
