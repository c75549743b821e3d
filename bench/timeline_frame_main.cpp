// Runs the timeline frame benchmark alone: timeline_frame_bench [events] [frames]
#include <cstdio>
#include <cstdlib>

#include "bench/timeline_frame_bench.h"

int main(int argc, char** argv) {
  const std::size_t events = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  const int frames = argc > 2 ? std::atoi(argv[2]) : 120;
  const auto r = loopscope::bench::run_timeline_frame_bench(events, frames);
  const auto& s = r.sweep;
  std::printf("timeline frame: %zu events, %zu lanes, %d frames: build_frame median %.3f ms, max %.3f ms; "
              "scene layout+paint median %.3f ms, max %.3f ms; at most %zu items, %zu draw calls "
              "(trace built in %.2f s)\n",
              r.events, r.lanes, s.frames, s.core_ms.median, s.core_ms.max, s.scene_ms.median, s.scene_ms.max,
              s.max_items, s.max_draw_calls, r.ingest_s);
  return s.frames > 0 ? 0 : 1;
}
