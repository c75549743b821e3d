// The event stream as a Chrome export embeds it, export format version 2 (docs/trace-format.md,
// "The embedded stream"). The same records as the stream, written compactly: each record is a
// JSON array [kind, dt, field, field, ...] whose fields are positional, in the order the
// export's "kinds" table names them, so a field's name is not repeated in every record (the
// embedded copy took 90 bytes a record as objects, 31 so).
//
// Three more things make it small, and all three make a record depend on the ones before it (a
// reader reads the stream from its start, as loopscope always does):
//   - `dt` is the record's `t` minus the previous record's (the first: minus 0), and the time
//     fields `ready`, `since`, `due` are written as their value minus the record's `t`;
//   - `seq` is the previous record's plus one (0 for the first); a record [-1, N] sets the
//     next record's seq to N where the stream has a gap;
//   - a string written as a JSON string gets the next number (0, 1, 2, ...), and a number in
//     a text field is the string with that number: "future", "sleep(0.01)" or a coroutine's
//     name is written once. Text that will not come again is written as ["text"] and gets no
//     number: the writer does so for strings over kCompactInternMaxBytes bytes, and for every
//     new string once kCompactStringNumbers have numbers, so that the tables on both sides
//     stay small whatever the trace prints.
// Trailing fields that are absent are left out; an absent field before a present one is null
// (a lane field that names no lane is -1).
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/event_record.h"
#include "core/trace_model.h"

namespace loopscope {

inline constexpr int kCompactFormatVersion = 2;
inline constexpr std::size_t kCompactInternMaxBytes = 48;
inline constexpr std::size_t kCompactStringNumbers = 65536;

// The export's "kinds" table, as JSON text: the kinds this loopscope writes, by number, each
// with its fields in the order a compact record holds them: [["hello","version",...],...].
std::string compact_kinds_json();

// Appends the records of a trace, one after the other, in compact form.
class CompactStreamWriter {
 public:
  CompactStreamWriter();
  // Appends the record `ev` of `trace` (no separator, no newline).
  void append(std::string& out, const Trace& trace, const Event& ev);

  struct Sink;  // collects one record's fields (compact_stream.cpp)

 private:
  // Lookups by string_view, without making a std::string per lookup.
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  void append_string(std::string& out, std::string_view text);       // numbered if short
  static void append_unnumbered(std::string& out, std::string_view text);  // ["text"]

  std::vector<int> kind_of_event_;  // EventKind -> its number in the kinds table, -1: none
  Nanos last_t_ = 0;
  std::int64_t next_seq_ = 0;
  std::unordered_map<std::string, std::int64_t, ViewHash, std::equal_to<>> strings_;  // the numbered ones
};

// Reads compact records back into EventRecords, given the "kinds" table of the file (which
// may name kinds or fields this loopscope does not know: their records or values are passed
// on for the model to skip, as with the stream).
class CompactStreamReader {
 public:
  // False, with `why`, when `kinds` is not a list of non-empty lists of strings.
  bool set_kinds(simdjson::dom::array kinds, std::string* why);
  // One record. The views in `out` stay valid until the next call, and while the document
  // of `record` lives. False, with `why`, for a record that does not follow the format.
  // `is_record` is false for a [-1, N] seq record (then `out` is not filled).
  bool read(simdjson::dom::array record, EventRecord& out, bool& is_record, std::string* why);

 private:
  struct Kind {
    std::string ev;
    std::vector<int> fields;      // field number (core/event_parse.h) of each position, -1: unknown
    std::vector<bool> relative;   // whether the field at each position is a time written relative to `t`
  };
  bool read_field(int field, bool relative, simdjson::dom::element value, EventRecord& out, std::string* why);

  std::vector<Kind> kinds_;
  Nanos last_t_ = 0;
  std::int64_t next_seq_ = 0;
  std::deque<std::string> strings_;  // the numbered strings read so far (a deque: views stay valid)
};

}  // namespace loopscope
