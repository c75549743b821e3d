// A synthetic but well-formed event stream of any size: tasks taking turns on one loop,
// sleeping, printing, a worker thread and a generator. For benchmarks (ingest, load, timeline
// frames) and stress tests; its records follow docs/trace-format.md exactly.
#pragma once

#include <cstddef>
#include <string>

namespace loopscope {

// Appends about `events` JSON lines (each ending in '\n') to `out`, over `tasks` tasks.
void append_synthetic_stream(std::string& out, std::size_t events, int tasks = 50);

}  // namespace loopscope
