// Every way loopscope writes a time: one file, so that the timeline, the inspector, the text
// timeline and the exports agree.
#pragma once

#include <cstdint>
#include <string>

#include "core/trace_model.h"

namespace loopscope {

// A duration, short and human, three significant digits: "0", "850 ns", "12.5 µs", "250 ms",
// "1.5 s", "2 min 5 s".
std::string format_duration(double ns);
// A time of the run, precise: "12.5 µs", "1.234 ms", "12.345 s".
std::string format_time(Nanos t);
// Milliseconds with a fixed number of decimals: "12.3 ms" (decimals 1), "0.400 ms" (3).
std::string format_ms(Nanos ns, int decimals = 1);
// Compact, for columns of plain text: "500us", "1.5ms", "12ms", "2.50s".
std::string format_compact(Nanos ns);
// A count in at most four characters, for a gutter: "7", "999", "1.2k", "12k", "400k", "3.5M".
std::string format_count(std::int64_t n);
// A ruler label on a grid of `step_ns`: enough decimals to tell neighbouring ticks apart.
std::string format_tick(double t_ns, double step_ns);

}  // namespace loopscope
