// Parsing event-stream records with simdjson (its DOM API, which picks the CPU's best SIMD
// kernel at run time): the hot path of ingest (live runs and file loads). Internal to
// app/core (simdjson is a private dependency).
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/event_record.h"

namespace loopscope {

// The fields of the stream format, by number (a RecordBatch keeps parsed fields so).
inline constexpr int kRecordFields = 50;
int record_field_index(std::string_view name);  // -1: not a field of the format

// Where field number i goes in an EventRecord (one of the two members is set).
struct RecordFieldSlot {
  std::int64_t EventRecord::* int_field = nullptr;
  std::string_view EventRecord::* str_field = nullptr;
};
const RecordFieldSlot* record_field_slots();  // kRecordFields of them

bool record_field_is_int(int index);
void set_record_field(EventRecord& record, int index, std::int64_t value);
void set_record_field(EventRecord& record, int index, std::string_view value);

// A number field: ints as they are, floats truncated (a stream may write 12.0). False for a
// number that is not usable (not finite, beyond int64).
bool read_record_int(simdjson::dom::element value, std::int64_t& out);

// Calls on_int(index, value) or on_string(index, text) for each field of `object` that the
// format has, with a value of the field's type (other fields and types are skipped, as the
// format says). False, with `error`, for a bad number.
template <class OnInt, class OnString>
bool visit_record_fields(simdjson::dom::object object, OnInt&& on_int, OnString&& on_string, std::string* error) {
  const RecordFieldSlot* slots = record_field_slots();
  for (const auto field : object) {
    const int index = record_field_index(field.key);
    if (index < 0) continue;
    const auto type = field.value.type();
    const bool number = type == simdjson::dom::element_type::INT64 || type == simdjson::dom::element_type::UINT64 ||
                        type == simdjson::dom::element_type::DOUBLE;
    if (slots[index].int_field) {
      if (!number) continue;
      std::int64_t value = 0;
      if (!read_record_int(field.value, value)) {
        if (error) *error = "bad number in field '" + std::string(field.key) + "'";
        return false;
      }
      on_int(index, value);
    } else if (type == simdjson::dom::element_type::STRING) {
      on_string(index, field.value.get_string().value_unsafe());
    }
  }
  return true;
}

// Reads every field of `object` into `record` (unknown fields are ignored, a value of an
// unexpected type is skipped). False, with `error`, for a bad number.
bool parse_record(simdjson::dom::object object, EventRecord& record, std::string* error);

// Parses one JSON line into an object (a reused, padded copy is made; the object and the
// views in it stay valid until the next call on the same thread).
bool parse_json_object(std::string_view line, simdjson::dom::object& object, std::string* error);
// The same for a line holding a JSON array (a compact record, core/compact_stream.h).
bool parse_json_array(std::string_view line, simdjson::dom::array& array, std::string* error);

// Both: one line into `record` (its views valid until the next call on the same thread).
bool parse_record_line(std::string_view line, EventRecord& record, std::string* error);

}  // namespace loopscope
