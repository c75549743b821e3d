// Trace: ingest entry points and the queries views use. The record -> model rules live in
// trace_builder.cpp, the JSON parsing in event_parse.cpp.
#include "core/trace_model.h"

#include <algorithm>

#include "core/event_parse.h"
#include "core/lod.h"
#include "core/record_batch.h"

namespace loopscope {

namespace {
constexpr std::size_t kMaxProblemNotes = 20;  // then only a count: a broken file must not flood
}

bool Trace::ingest_line(std::string_view json_line) {
  // Blank lines (a trailing newline, CRLF files) are not records.
  if (json_line.find_first_not_of(" \t\r\n") == std::string_view::npos) return true;
  EventRecord record;
  std::string error;
  if (!parse_record_line(json_line, record, &error)) {
    std::string shown(json_line.substr(0, 60));
    note_problem("skipped a malformed line (" + error + "): " + shown);
    return false;
  }
  return ingest_record(record);
}

std::size_t Trace::ingest_batch(const RecordBatch& batch) {
  // One record, reused: each entry first puts back the fields the one before it set.
  static const EventRecord kDefault{};
  const RecordFieldSlot* slots = record_field_slots();
  EventRecord record;
  const RecordBatch::Entry* before = nullptr;
  std::size_t applied = 0;
  for (const RecordBatch::Entry& entry : batch.entries_) {
    if (entry.problem) {
      note_problem(batch.chars_.substr(entry.text, entry.count));
      continue;
    }
    if (before) {
      for (std::uint32_t i = 0; i < before->count; ++i) {
        const RecordFieldSlot& slot = slots[batch.fields_[before->first + i].index];
        if (slot.int_field) record.*(slot.int_field) = kDefault.*(slot.int_field);
        else record.*(slot.str_field) = {};
      }
    }
    for (std::uint32_t i = 0; i < entry.count; ++i) {
      const RecordBatch::Field& f = batch.fields_[entry.first + i];
      const RecordFieldSlot& slot = slots[f.index];
      if (f.size == RecordBatch::kNumber)
        record.*(slot.int_field) = f.value;
      else
        record.*(slot.str_field) = std::string_view(batch.chars_).substr(static_cast<std::size_t>(f.value), f.size);
    }
    before = &entry;
    if (ingest_record(record)) ++applied;
  }
  return applied;
}

void Trace::note_problem(std::string text) {
  ++problems_;
  if (problems_ <= kMaxProblemNotes) {
    info_.notes.push_back(std::move(text));
  } else {
    std::string summary = "... and " + std::to_string(problems_ - kMaxProblemNotes) + " more problems in the trace";
    if (problems_ == kMaxProblemNotes + 1) info_.notes.push_back(std::move(summary));
    else info_.notes.back() = std::move(summary);
  }
}

Nanos Trace::end_time() const { return events_.empty() ? 0 : events_.t(events_.size() - 1); }

Nanos Trace::activity_start() const {
  for (const Event& ev : events_) {
    const bool startup = ev.kind == EventKind::Hello || ev.kind == EventKind::Note ||
                         (ev.kind == EventKind::Lane && static_cast<LaneKind>(ev.sub) == LaneKind::Main);
    if (!startup) return ev.t;
  }
  return end_time();
}

SpanSlice Trace::spans_in(LaneId lane, Nanos t0, Nanos t1) const {
  static const SpanList none;
  if (!lane_ok(lane)) return none.slice(0, 0);
  const SpanList& spans = lanes_[static_cast<std::size_t>(lane)].spans;
  const auto [first, last] = visible_span_range(spans, static_cast<double>(t0), static_cast<double>(t1));
  return spans.slice(first, std::max(first, last));
}

std::string Trace::display_name(LaneId lane) const {
  if (lane < 0 || lane >= static_cast<LaneId>(lanes_.size())) return {};
  const Lane& ln = lanes_[static_cast<std::size_t>(lane)];
  std::string name(str(ln.name));
  switch (ln.kind) {
    case LaneKind::Main: return name.empty() ? "main" : name;
    case LaneKind::Loop: return name.empty() ? "loop" : name;
    case LaneKind::Task: {
      if (name.empty()) name = "Task";
      const std::string_view coro = str(ln.detail);
      if (!coro.empty()) name += " " + std::string(coro) + "()";
      return name;
    }
    case LaneKind::Thread: return name.empty() ? std::string(str(ln.detail)) : name;
    case LaneKind::Gen: return name.empty() ? std::string(str(ln.detail)) : name;
  }
  return name;
}

}  // namespace loopscope
