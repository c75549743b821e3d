// The trace model: what happened in one run, as lanes of spans and instants plus links.
// Filled from the event stream (docs/trace-format.md) one record at a time, live or from a
// file, always through Trace::ingest_line. No ImGui, no GL: the views only read this.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/event_list.h"
#include "core/instant_list.h"
#include "core/link_list.h"
#include "core/span_list.h"
#include "core/string_pool.h"
#include "core/trace_records.h"

namespace loopscope {

struct Lane {
  LaneId id = kNoLane;
  LaneKind kind = LaneKind::Main;
  StrId name = 0;               // Task-2, w1, ThreadPoolExecutor-0_0, numbers()
  StrId detail = 0;             // coroutine qualname / thread name / generator kind
  LaneId parent = kNoLane;
  std::int32_t line = 0;
  EventIndex declared_at = kNoEvent;
  SpanList spans;               // sorted by start, never overlapping
  SpanList overlays;            // blocking calls drawn over `spans`; sorted, never overlapping
  InstantList instants;         // sorted by t
  LaneId loop = kNoLane;          // Task: the loop lane its steps run on
  EventIndex ended_at = kNoEvent; // Task: its `done`; Gen: return/raise/stop/close
  std::uint8_t end_how = 0;       // Task: Outcome; Gen: GenHow
  // Task: it ran code of the user's script (its coroutine is the script's, it awaited on a
  // line of the script, or it printed). Tasks that only run library code (a server's
  // internals) are drawn folded into a "library tasks" group.
  bool user_code = false;
  // Loop: the time its task steps and callbacks took before each of its packed spans (a prefix
  // sum, extended by loop_work_ns as spans are packed; see starvation.h).
  mutable std::vector<Nanos> work_before;
};

struct RunInfo {
  std::string python_version;
  std::string impl;
  std::string script;
  std::int64_t pid = 0;
  int stall_ms = 50;
  EndStatus status = EndStatus::Running;
  int exit_code = 0;
  int signal = 0;                 // the signal that ended the child (status Crashed/Stopped)
  bool exit_seen = false;         // the runtime wrote its `exit` record
  // The runtime reached its event budget here (a `note` with a `budget` field): from this time
  // to the end only the end of the run was recorded, so every span still open was closed here.
  // -1: the whole run was recorded.
  Nanos recorded_until = -1;
  std::string end_message;        // runner's explanation when it did not end normally
  std::vector<std::string> notes;  // `note` records and ingest problems, in order
};

struct EventRecord;  // one parsed stream record (core/event_record.h)
class RecordBatch;  // records parsed on another thread (core/record_batch.h)

class Trace {
 public:
  // Parses one line of the event stream and applies it. A malformed line is recorded as a
  // note and returns false; everything ingested before it stays.
  bool ingest_line(std::string_view json_line);
  // The same, for a record already parsed (trace_io reads the records embedded in a saved
  // Chrome trace through this).
  bool ingest_record(const EventRecord& record);
  // The records of a batch parsed on another thread (core/record_batch.h), in order. Returns
  // how many were applied (malformed lines and unknown records are noted, as above).
  std::size_t ingest_batch(const RecordBatch& batch);
  // Closes open spans and records how the run ended. Appends an `end` record unless the stream
  // already had one. `signal`: see RunInfo. `end_time`: when the run really ended (a script
  // stopped while it hung, killed while it blocked, is drawn running up to there); by default,
  // or when earlier, the last event's time.
  void finish(EndStatus status, int exit_code, std::string message, int signal = 0, Nanos end_time = 0);
  bool ended() const { return ended_; }

  const EventList& events() const { return events_; }
  const std::vector<Lane>& lanes() const { return lanes_; }
  const LinkList& links() const { return links_; }
  const RunInfo& info() const { return info_; }
  const StringPool& strings() const { return strings_; }
  std::string_view str(StrId id) const { return strings_.view(id); }

  Nanos end_time() const;  // time of the last event (or of finish)
  // When the script's own activity starts: the first record after the interpreter's start-up
  // (a loop, a task, a generator, a print, ...). "Fit" frames the run from here; times on the
  // ruler stay true (counted from the process start).
  Nanos activity_start() const;
  // The lane record of `id` (nullptr when there is no such lane).
  const Lane* lane(LaneId id) const { return lane_ok(id) ? &lanes_[static_cast<std::size_t>(id)] : nullptr; }
  bool empty() const { return events_.empty(); }

  // Spans of `lane` overlapping [t0, t1], as a contiguous sub-range (binary search).
  SpanSlice spans_in(LaneId lane, Nanos t0, Nanos t1) const;
  // The lane's display name: "Task-2 main()", "loop", "main", "ThreadPoolExecutor-0_0".
  std::string display_name(LaneId lane) const;
  // The lane's own name as the stream gave it ("Task-2", "w1", "numbers"); "?" for no lane.
  std::string_view lane_name(LaneId lane) const { return lane_ok(lane) ? str(lanes_[static_cast<std::size_t>(lane)].name) : "?"; }
  bool lane_ok(LaneId lane) const { return lane >= 0 && static_cast<std::size_t>(lane) < lanes_.size(); }

 private:
  friend class TraceBuilder;  // the record -> model rules, in trace_builder.cpp
  void note_problem(std::string text);
  StringPool strings_;
  EventList events_;
  std::vector<Lane> lanes_;
  LinkList links_;
  RunInfo info_;
  // Ingest state.
  std::vector<LaneId> stream_lanes_;        // stream lane id -> model lane (kNoLane: unknown)
  std::vector<LaneId> last_driver_;         // per lane: the lane that last drove this generator
  std::vector<LaneId> gen_child_;           // per lane: the gen lane whose frame it is inside
  std::vector<LaneId> block_mirror_;        // per lane: task lane holding a copy of its open block
  std::vector<std::uint8_t> iterator_call_; // per lane: the open frame was entered by a "call"
  std::unordered_map<std::int64_t, LaneId> open_jobs_;  // job id -> worker lane
  LaneId current_loop_ = kNoLane;
  std::size_t problems_ = 0;                // malformed / unknown records seen
  bool ended_ = false;
};

}  // namespace loopscope
