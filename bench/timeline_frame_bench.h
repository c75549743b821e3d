// The timeline frame benchmark: how long building one frame's draw items takes (level of
// detail, visible range, links, ruler) for a large trace, headless. `loopscope bench` calls it;
// bench/timeline_frame_main.cpp runs it alone.
#pragma once

#include <cstddef>

namespace loopscope::bench {

struct TimelineFrameBenchResult {
  std::size_t events = 0;        // events in the generated trace
  std::size_t lanes = 0;
  int frames = 0;                // frames timed
  double median_ms = 0;          // per frame: CPU time of build_frame (this thread)
  double max_ms = 0;
  std::size_t max_items = 0;     // most span + instant items in one frame
  double ingest_s = 0;           // time to build the trace (not part of the frame)
};

// Generates a synthetic trace of about `events` events, then builds `frames` frames of a
// `width_px`-wide timeline while zooming from the whole run down to ~1 ms and panning.
TimelineFrameBenchResult run_timeline_frame_bench(std::size_t events = 1'000'000, int frames = 120,
                                                  float width_px = 1600.0f);

}  // namespace loopscope::bench
