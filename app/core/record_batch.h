// Event-stream lines parsed into records on one thread, applied to a Trace on another.
//
// Parsing a record costs about as much as applying it, so a live run is ingested faster when a
// reader thread parses lines into batches and the main thread only applies them
// (Trace::ingest_batch), in order: only the main thread ever changes the model. A batch keeps
// each record's fields by number and copies their strings, about as big as the lines it holds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope {

class RecordBatch {
 public:
  // Parses `line` and keeps its record (blank lines are skipped). A line that is not a record
  // is kept as a problem, which ingest_batch notes as ingest_line would.
  void add_line(std::string_view line);
  std::size_t size() const { return entries_.size(); }  // records and problems kept
  bool empty() const { return entries_.empty(); }
  void clear();
  std::size_t bytes() const;  // memory held

 private:
  friend class Trace;
  static constexpr std::uint32_t kNumber = 0xffffffffu;  // Field::size of an int field

  struct Field {
    std::int32_t index;   // the format's field number (core/event_parse.h)
    std::uint32_t size;   // a string's length, or kNumber
    std::int64_t value;   // the int, or the string's offset in chars_
  };
  struct Entry {
    std::uint32_t first;  // in fields_
    std::uint32_t count;  // fields; for a problem: the length of its text in chars_
    std::uint64_t text;   // a problem: its text's offset in chars_
    bool problem;
  };

  std::vector<Field> fields_;
  std::vector<Entry> entries_;
  std::string chars_;
};

}  // namespace loopscope
