// One record of the event stream (docs/trace-format.md), parsed but not yet applied to a
// Trace. Strings are views into the parser's buffer: valid until the next parse.
#pragma once

#include <cstdint>
#include <string_view>

namespace loopscope {

inline constexpr std::int64_t kAbsent = -1;  // an int field the record did not carry

struct EventRecord {
  std::int64_t seq = kAbsent;
  std::int64_t t = kAbsent;
  std::string_view ev;
  // Lanes (stream ids).
  std::int64_t lane = kAbsent, parent = kAbsent, by = kAbsent, target = kAbsent,
               task = kAbsent, from = kAbsent, loop = kAbsent;
  // Other numbers.
  std::int64_t line = 0, ready = kAbsent, late = 0, timeout = kAbsent, events = 0,
               since = kAbsent, job = kAbsent, code = 0, signal = 0, pid = 0,
               stall_ms = kAbsent, version = kAbsent, due = 0, budget = kAbsent;
  // Strings.
  std::string_view kind, name, coro, thread, obj, why, awaiting, wait, outcome, detail, func,
      what, via, how, value, exc, stream, text, type, message, traceback, category, python,
      impl, script, status;
};

}  // namespace loopscope
