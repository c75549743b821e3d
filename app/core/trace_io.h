// Loading a saved trace: a Chrome trace JSON written by loopscope (its embedded
// "loopscope.events" stream) or a raw event stream (.jsonl), through the same ingest path as
// a live run.
#pragma once

#include <string>

#include "core/trace_model.h"

namespace loopscope {

// Fills `trace` (which should be empty) from `path`. False with a clear `error` for a missing,
// foreign or malformed file; whatever was read before the problem stays in `trace`. A stream
// without an `end` record is finished here (status from its `exit` record).
bool load_trace_file(const std::string& path, Trace& trace, std::string* error);

// The same from text in memory; `chrome` picks the format.
bool load_trace_text(const std::string& text, bool chrome, Trace& trace, std::string* error);

}  // namespace loopscope
