#include "bench/timeline_frame_bench.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "core/synthetic_stream.h"
#include "core/timeline_frame.h"
#include "core/trace_model.h"

namespace loopscope::bench {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of this thread: other processes on a busy machine do not inflate it.
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

void ingest_all(Trace& trace, const std::string& stream) {
  std::size_t pos = 0;
  while (pos < stream.size()) {
    std::size_t end = stream.find('\n', pos);
    if (end == std::string::npos) end = stream.size();
    trace.ingest_line(std::string_view(stream).substr(pos, end - pos));
    pos = end + 1;
  }
}

}  // namespace

TimelineFrameBenchResult run_timeline_frame_bench(std::size_t events, int frames, float width_px) {
  TimelineFrameBenchResult result;
  const auto ingest_start = Clock::now();
  Trace trace;
  {
    std::string stream;
    append_synthetic_stream(stream, events);
    ingest_all(trace, stream);
  }
  trace.finish(EndStatus::Finished, 0, {});
  result.ingest_s = ms_since(ingest_start) / 1000.0;
  result.events = trace.events().size();
  result.lanes = trace.lanes().size();

  const std::vector<LaneId> rows = timeline_rows(trace, false);
  TimeAxis axis;
  axis.set_pixels(200.0f, width_px);
  axis.set_run_end(std::max<Nanos>(trace.end_time(), 1000));
  const double run = static_cast<double>(axis.run_end());

  TimelineFrame frame;
  std::vector<double> times;
  times.reserve(static_cast<std::size_t>(std::max(frames, 1)));
  for (int i = 0; i < frames; ++i) {
    // A user's session: the whole run, then zooming in around a point that drifts across the
    // run (down to about 1 ms across the view), then out again.
    const double phase = static_cast<double>(i) / std::max(frames - 1, 1);
    const double zoom_level = 1.0 - std::abs(2.0 * phase - 1.0);  // 0 -> 1 -> 0
    const double span = std::max(run * std::pow(1e6 / run, zoom_level), 1e6);
    const double centre = run * (0.1 + 0.8 * phase);
    axis.set_range(centre - span / 2, centre + span / 2);

    const double start = thread_cpu_ms();
    build_frame(trace, axis, rows, frame);
    times.push_back(thread_cpu_ms() - start);
    std::size_t items = 0;
    for (const RowItems& row : frame.rows) items += row.spans.size() + row.overlays.size() + row.instants.size();
    result.max_items = std::max(result.max_items, items);
  }
  result.frames = frames;
  if (!times.empty()) {
    std::vector<double> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    result.median_ms = sorted[sorted.size() / 2];
    result.max_ms = sorted.back();
  }
  return result;
}

}  // namespace loopscope::bench
