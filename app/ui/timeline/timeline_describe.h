// Words for what the timeline shows: short labels drawn inside bars and the full text of
// tooltips, for spans, merged runs and instants. Plain strings, no ImGui (tested headless).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/time_format.h"
#include "core/trace_model.h"

namespace loopscope {

// Inside a bar when there is room: "sleep(0.5)", "time.sleep(1)  line 12", "crunch", "Task-2".
std::string span_label(const Trace& trace, const Lane& lane, const Span& span);
// The label of `count` like spans in a row: "time.sleep(0.1)  line 19" -> "time.sleep(0.1) ×3  line 19".
std::string repeated_label(std::string_view label, std::size_t count);
// First line of a tooltip: "Task-2 running", "awaiting sleep(0.5)", "ready, waiting for the loop".
std::string span_title(const Trace& trace, const Lane& lane, const Span& span);
// The whole tooltip: title, lane, times and duration, line, flags.
std::string span_tooltip(const Trace& trace, const Lane& lane, const Span& span, Nanos open_end);
std::string merged_tooltip(const Lane& lane, std::uint32_t count, Nanos start, Nanos end, const Trace& trace);

// Next to a marker when there is room: the yielded value, the printed text, "+12 ms late".
std::string instant_label(const Trace& trace, const Instant& instant);
std::string instant_tooltip(const Trace& trace, const Lane& lane, const Instant& instant);
std::string cluster_tooltip(const Trace& trace, const Lane& lane, std::uint32_t first, std::uint32_t count);

// The `run` of a late timer that ended a Ready span (the task was starved: its timer was due,
// but the loop ran other work), if it was one.
std::optional<Event> late_timer_run(const Trace& trace, const Span& ready);


}  // namespace loopscope
