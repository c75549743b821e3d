// The timeline frame benchmark: how long one frame of a large trace takes while zooming and
// panning, headless. Two figures per frame: the core's build_frame (level of detail, visible
// range, links, ruler) and the whole timeline scene (layout and painting of every row, label
// placement, links, ruler) into a canvas that only counts draw calls. `loopscope bench` calls
// it; bench/timeline_frame_main.cpp runs it alone.
#pragma once

#include <cstddef>

#include "bench/bench_clock.h"
#include "core/trace_model.h"

namespace loopscope::bench {

struct FrameSweep {
  int frames = 0;
  Spread core_ms;             // build_frame, CPU time of this thread
  Spread scene_ms;            // TimelineScene layout + paint
  std::size_t max_items = 0;  // most span + instant items in one frame
  std::size_t max_draw_calls = 0;
};

// `frames` frames of a `width_px`-wide timeline of `trace`: the whole run, then zooming in
// around a point that drifts across the run down to ~1 ms across the view, then out again.
FrameSweep sweep_frames(const Trace& trace, int frames, float width_px = 1600.0f);

struct TimelineFrameBenchResult {
  std::size_t events = 0;        // events in the generated trace
  std::size_t lanes = 0;
  FrameSweep sweep;
  double ingest_s = 0;           // time to build the trace (not part of the frame)
};

// Generates a synthetic trace of about `events` events, then sweeps `frames` frames over it.
TimelineFrameBenchResult run_timeline_frame_bench(std::size_t events = 1'000'000, int frames = 120,
                                                  float width_px = 1600.0f);

}  // namespace loopscope::bench
