// The model at scale (issue 13): a synthetic trace of any size (core/synthetic_stream.h)
// ingested as a live run would be, its memory measured from the allocator, saved and loaded
// back streamed, the state at random steps, and frames over it. `loopscope bench` prints it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "bench/timeline_frame_bench.h"

namespace loopscope::bench {

struct ModelBenchResult {
  std::size_t events = 0, lanes = 0, spans = 0, instants = 0, links = 0, strings = 0;
  double stream_mb = 0;               // the event stream's text

  // Ingest of the stream's lines on one thread (Trace::ingest_line), as a load does.
  double ingest_s = 0;
  // The same as a live run does it: the lines parsed into batches on a reader thread, applied
  // on this one (Trace::ingest_batch; app/runner/run_session.cpp).
  double pipelined_s = 0;

  // Memory held by the model after ingest: the allocator's bytes in use (mallinfo2) before and
  // after, so everything counts (events, spans, instants, links, strings, lanes, slack).
  double heap_bytes_per_event = 0;
  // The lists' own count of their bytes, per part, per event (for the breakdown).
  double events_bytes = 0, spans_bytes = 0, instants_bytes = 0, links_bytes = 0, strings_bytes = 0;

  // Loading it back from a file, streamed: the raw stream (.jsonl) and loopscope's own Chrome
  // trace (.json, which first skips the traceEvents to the embedded stream).
  double load_jsonl_s = 0, load_json_s = 0;
  double save_json_s = 0, json_mb = 0;
  double load_extra_heap_mb = 0;      // most heap above the loaded model seen during the .json load
  std::string load_error;

  // state_at (the inspector) at random steps.
  Spread state_us;

  FrameSweep frames;
};

// `frames`: frames in the zoom-and-pan sweep. `save_json`: also export and load the Chrome
// trace (slow to write for very large traces).
ModelBenchResult run_model_bench(std::size_t events, int frames, bool save_json = true);

}  // namespace loopscope::bench
