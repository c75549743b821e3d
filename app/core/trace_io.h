// Loading a saved trace: a Chrome trace JSON written by loopscope (its embedded
// "loopscope.events" stream) or a raw event stream (.jsonl), through the same ingest path as
// a live run.
//
// The file is read a block at a time (core/block_reader.h) and never held whole in memory:
// a stream is parsed line by line, and a Chrome trace is skipped up to its embedded stream,
// which loopscope writes last, one event per line. Only a Chrome trace reformatted by another
// tool (no such lines) is read whole and parsed as one JSON document.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/trace_model.h"

namespace loopscope {

// How far a load has got, readable from another thread while it runs, and a way to stop it:
// the GUI loads on a worker thread and shows a progress bar with Cancel.
struct LoadProgress {
  std::atomic<std::uint64_t> bytes_read{0};
  std::atomic<std::uint64_t> bytes_total{0};
  std::atomic<std::uint64_t> events{0};
  std::atomic<bool> cancel{false};  // set from any thread: the load stops within a block

  double fraction() const {
    const auto total = bytes_total.load();
    return total ? static_cast<double>(bytes_read.load()) / static_cast<double>(total) : 0.0;
  }
};

// Fills `trace` (which should be empty) from `path`. False with a clear `error` for a missing,
// foreign or malformed file, or a cancelled load; whatever was read before the problem stays
// in `trace`. A stream without an `end` record is finished here (status from its `exit`
// record). `progress` (optional) is updated as blocks are read.
bool load_trace_file(const std::string& path, Trace& trace, std::string* error, LoadProgress* progress = nullptr);

// The same from text in memory; `chrome` picks the format.
bool load_trace_text(std::string_view text, bool chrome, Trace& trace, std::string* error,
                     LoadProgress* progress = nullptr);

}  // namespace loopscope
