// Saving a trace: the Chrome trace-event JSON (opens in Perfetto / chrome://tracing, with the
// original event stream embedded under "loopscope") and the raw event stream (JSON Lines).
// The conventions are in docs/trace-format.md, "Chrome trace export".
#pragma once

#include <cstdio>
#include <string>

#include "core/trace_model.h"

namespace loopscope {

// Writes the Chrome trace JSON to `out`.
void write_chrome_trace(const Trace& trace, std::FILE* out);
// Writes the event stream as JSON Lines to `out`.
void write_jsonl(const Trace& trace, std::FILE* out);

// The same to a file; false with `error` ("cannot write X: reason") when it cannot be written.
bool save_chrome_trace(const Trace& trace, const std::string& path, std::string* error);
bool save_jsonl(const Trace& trace, const std::string& path, std::string* error);

}  // namespace loopscope
