// Runs the timeline frame benchmark alone: timeline_frame_bench [events] [frames]
#include <cstdio>
#include <cstdlib>

#include "bench/timeline_frame_bench.h"

int main(int argc, char** argv) {
  const std::size_t events = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  const int frames = argc > 2 ? std::atoi(argv[2]) : 120;
  const auto r = loopscope::bench::run_timeline_frame_bench(events, frames);
  std::printf("timeline frame: %zu events, %zu lanes, %d frames: median %.3f ms, max %.3f ms per frame, "
              "at most %zu items (trace built in %.2f s)\n",
              r.events, r.lanes, r.frames, r.median_ms, r.max_ms, r.max_items, r.ingest_s);
  return r.frames > 0 ? 0 : 1;
}
