#include "bench/model_bench.h"

#include <malloc.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <random>
#include <string_view>
#include <thread>
#include <vector>

#include "core/chrome_export.h"
#include "core/record_batch.h"
#include "core/synthetic_stream.h"
#include "core/trace_io.h"
#include "core/trace_state.h"

namespace loopscope::bench {

namespace {

namespace fs = std::filesystem;

std::size_t heap_in_use() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

template <class Each>
void for_each_line(std::string_view text, Each&& each) {
  while (!text.empty()) {
    const auto nl = text.find('\n');
    each(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  }
}

// A reader thread parses lines into batches, this thread applies them in order.
double ingest_pipelined(std::string_view stream, Trace& trace) {
  constexpr std::size_t kBatchLines = 4096, kMostQueued = 64;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<RecordBatch> queue;
  bool done = false;
  const double start = wall_ms();
  std::thread reader([&] {
    RecordBatch batch;
    const auto hand_over = [&] {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return queue.size() < kMostQueued; });
      queue.push_back(std::move(batch));
      batch = RecordBatch();
      changed.notify_all();
    };
    for_each_line(stream, [&](std::string_view line) {
      batch.add_line(line);
      if (batch.size() == kBatchLines) hand_over();
    });
    hand_over();
    std::lock_guard lock(mutex);
    done = true;
    changed.notify_all();
  });
  for (;;) {
    RecordBatch batch;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return !queue.empty() || done; });
      if (queue.empty()) break;
      batch = std::move(queue.front());
      queue.pop_front();
      changed.notify_all();
    }
    trace.ingest_batch(batch);
  }
  reader.join();
  return (wall_ms() - start) / 1000.0;
}

void write_text(const std::string& path, std::string_view text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return;
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
}

// Loads `path`, watching the heap from another thread: the most it held above `base`.
double load_watching_heap(const std::string& path, Trace& trace, std::string& error, double& most_mb) {
  std::atomic<bool> loading{true};
  std::size_t most = 0;
  std::thread watcher([&] {
    while (loading) {
      most = std::max(most, heap_in_use());
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
  const double start = wall_ms();
  load_trace_file(path, trace, &error);
  const double seconds = (wall_ms() - start) / 1000.0;
  loading = false;
  watcher.join();
  const std::size_t model = heap_in_use();
  most_mb = most > model ? static_cast<double>(most - model) / 1e6 : 0.0;
  return seconds;
}

Spread time_state_at(const Trace& trace, int samples) {
  std::mt19937 rng(13);
  std::vector<double> times;
  const auto n = static_cast<std::uint32_t>(trace.events().size());
  for (int i = 0; i < samples && n > 0; ++i) {
    const EventIndex at = rng() % n;
    const double start = thread_cpu_ms();
    const StateAt state = state_at(trace, at);
    times.push_back((thread_cpu_ms() - start) * 1000.0);
    if (state.event != at) times.back() = -1;  // never: keeps the call from being optimised away
  }
  return spread_of(times);
}

}  // namespace

ModelBenchResult run_model_bench(std::size_t events, int frames, bool save_json) {
  ModelBenchResult r;
  std::string stream;
  append_synthetic_stream(stream, events);
  r.stream_mb = static_cast<double>(stream.size()) / 1e6;

  Trace trace;
  const std::size_t before = heap_in_use();
  double start = thread_cpu_ms();
  for_each_line(stream, [&](std::string_view line) { trace.ingest_line(line); });
  r.ingest_s = (thread_cpu_ms() - start) / 1000.0;
  const std::size_t after = heap_in_use();
  trace.finish(EndStatus::Finished, 0, {});

  r.events = trace.events().size();
  r.lanes = trace.lanes().size();
  r.links = trace.links().size();
  r.strings = trace.strings().size();
  const double n = static_cast<double>(std::max<std::size_t>(r.events, 1));
  r.heap_bytes_per_event = static_cast<double>(after - before) / n;
  std::size_t spans = 0, instants = 0;
  for (const Lane& lane : trace.lanes()) {
    r.spans += lane.spans.size() + lane.overlays.size();
    r.instants += lane.instants.size();
    spans += lane.spans.bytes() + lane.overlays.bytes();
    instants += lane.instants.bytes();
  }
  r.events_bytes = static_cast<double>(trace.events().bytes()) / n;
  r.spans_bytes = static_cast<double>(spans) / n;
  r.instants_bytes = static_cast<double>(instants) / n;
  r.links_bytes = static_cast<double>(trace.links().bytes()) / n;
  r.strings_bytes = static_cast<double>(trace.strings().bytes()) / n;

  {
    Trace piped;
    r.pipelined_s = ingest_pipelined(stream, piped);
  }
  r.state_us = time_state_at(trace, 300);
  r.frames = sweep_frames(trace, frames);

  const std::string base = (fs::temp_directory_path() / ("loopscope-bench-" + std::to_string(::getpid()))).string();
  const std::string jsonl = base + ".jsonl", json = base + ".json";
  write_text(jsonl, stream);
  std::string().swap(stream);  // the loads below must not find the stream in memory
  {
    Trace loaded;
    double extra = 0;
    r.load_jsonl_s = load_watching_heap(jsonl, loaded, r.load_error, extra);
  }
  std::error_code ec;
  fs::remove(jsonl, ec);
  if (save_json) {
    start = wall_ms();
    const bool saved = save_chrome_trace(trace, json, &r.load_error);
    r.save_json_s = (wall_ms() - start) / 1000.0;
    r.json_mb = static_cast<double>(fs::file_size(json, ec)) / 1e6;
    trace = Trace();  // only the loaded copy in memory from here
    if (saved) {
      Trace loaded;
      r.load_json_s = load_watching_heap(json, loaded, r.load_error, r.load_extra_heap_mb);
      if (loaded.events().size() != r.events && r.load_error.empty()) r.load_error = "the loaded trace differs";
    }
    fs::remove(json, ec);
  }
  return r;
}

}  // namespace loopscope::bench
