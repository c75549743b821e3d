// Parsing event-stream records with simdjson (its DOM API, which picks the CPU's best SIMD
// kernel at run time): the hot path of ingest (live runs and file loads). Internal to
// app/core (simdjson is a private dependency).
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

#include "core/event_record.h"

namespace loopscope {

// Reads every field of `object` into `record` (unknown fields are ignored, a value of an
// unexpected type is skipped). False, with `error`, if the JSON itself is broken.
bool parse_record(simdjson::dom::object object, EventRecord& record, std::string* error);

// Parses one JSON line (a reused, padded copy is made; the views in `record` stay valid until
// the next call on the same thread).
bool parse_record_line(std::string_view line, EventRecord& record, std::string* error);

}  // namespace loopscope
