#include "core/event_parse.h"

#include <cmath>
#include <array>
#include <cstdint>
#include <stdexcept>

#include "core/name_table.h"

namespace loopscope {
namespace {

using IntField = std::int64_t EventRecord::*;
using StrField = std::string_view EventRecord::*;

struct FieldSlot {
  IntField int_field = nullptr;
  StrField str_field = nullptr;
  int index = -1;
};

// Field name -> where it goes, and the fields by number. Built once.
class FieldTable {
 public:
  FieldTable() {
    auto i = [&](std::string_view name, IntField f) { add(name, f, nullptr); };
    auto s = [&](std::string_view name, StrField f) { add(name, nullptr, f); };
    i("seq", &EventRecord::seq); i("t", &EventRecord::t); s("ev", &EventRecord::ev);
    i("lane", &EventRecord::lane); i("parent", &EventRecord::parent); i("by", &EventRecord::by);
    i("target", &EventRecord::target); i("task", &EventRecord::task); i("from", &EventRecord::from); i("loop", &EventRecord::loop);
    i("line", &EventRecord::line); i("ready", &EventRecord::ready); i("late", &EventRecord::late);
    i("timeout", &EventRecord::timeout); i("events", &EventRecord::events);
    i("since", &EventRecord::since); i("job", &EventRecord::job); i("code", &EventRecord::code);
    i("signal", &EventRecord::signal); i("pid", &EventRecord::pid);
    i("stall_ms", &EventRecord::stall_ms); i("version", &EventRecord::version);
    i("due", &EventRecord::due); i("budget", &EventRecord::budget);
    s("kind", &EventRecord::kind); s("name", &EventRecord::name); s("coro", &EventRecord::coro);
    s("thread", &EventRecord::thread); s("obj", &EventRecord::obj); s("why", &EventRecord::why);
    s("awaiting", &EventRecord::awaiting); s("wait", &EventRecord::wait);
    s("outcome", &EventRecord::outcome); s("detail", &EventRecord::detail);
    s("func", &EventRecord::func); s("what", &EventRecord::what); s("via", &EventRecord::via);
    s("how", &EventRecord::how); s("value", &EventRecord::value); s("exc", &EventRecord::exc);
    s("stream", &EventRecord::stream); s("text", &EventRecord::text); s("type", &EventRecord::type);
    s("message", &EventRecord::message); s("traceback", &EventRecord::traceback);
    s("category", &EventRecord::category); s("python", &EventRecord::python);
    s("impl", &EventRecord::impl); s("script", &EventRecord::script);
    s("status", &EventRecord::status);
    if (count_ != kRecordFields) throw std::logic_error("event_parse.h: kRecordFields is not the number of fields");
  }
  // The slot of `key`, or nullptr for a field the format does not have.
  const FieldSlot* find(std::string_view key) const { return table_.find(key); }
  const FieldSlot& at(int index) const { return slots_[static_cast<std::size_t>(index)]; }

 private:
  void add(std::string_view name, IntField int_field, StrField str_field) {
    FieldSlot& slot = table_.add(name);
    slot = FieldSlot{int_field, str_field, count_++};
    if (slot.index < kRecordFields) slots_[static_cast<std::size_t>(slot.index)] = slot;
  }
  NameTable<FieldSlot> table_;
  std::array<FieldSlot, kRecordFields> slots_{};
  int count_ = 0;
};

const FieldTable& field_slots() {
  static const FieldTable table;
  return table;
}

}  // namespace

bool read_record_int(simdjson::dom::element value, std::int64_t& out) {
  switch (value.type()) {
    case simdjson::dom::element_type::INT64: out = value.get_int64().value_unsafe(); return true;
    case simdjson::dom::element_type::UINT64: return false;  // beyond int64: not a time or an id
    case simdjson::dom::element_type::DOUBLE: {
      const double d = value.get_double().value_unsafe();
      if (!std::isfinite(d)) return false;
      out = static_cast<std::int64_t>(d);
      return true;
    }
    default: return false;
  }
}

int record_field_index(std::string_view name) {
  const FieldSlot* slot = field_slots().find(name);
  return slot ? slot->index : -1;
}

bool record_field_is_int(int index) { return field_slots().at(index).int_field != nullptr; }

void set_record_field(EventRecord& record, int index, std::int64_t value) {
  record.*(field_slots().at(index).int_field) = value;
}

void set_record_field(EventRecord& record, int index, std::string_view value) {
  record.*(field_slots().at(index).str_field) = value;
}

const RecordFieldSlot* record_field_slots() {
  static const std::array<RecordFieldSlot, kRecordFields> slots = [] {
    std::array<RecordFieldSlot, kRecordFields> out{};
    for (int i = 0; i < kRecordFields; ++i) {
      const FieldSlot& slot = field_slots().at(i);
      out[static_cast<std::size_t>(i)] = {slot.int_field, slot.str_field};
    }
    return out;
  }();
  return slots.data();
}

bool parse_record(simdjson::dom::object object, EventRecord& record, std::string* error) {
  record = EventRecord{};
  return visit_record_fields(
      object, [&](int index, std::int64_t value) { set_record_field(record, index, value); },
      [&](int index, std::string_view text) { set_record_field(record, index, text); }, error);
}

namespace {

// One line parsed into a document (a reused, padded copy is made; the result stays valid until
// the next call on the same thread).
bool parse_json_line(std::string_view line, simdjson::dom::element& doc, std::string* error) {
  // The DOM parser dispatches to the best SIMD kernel at run time (simdjson's On Demand API
  // is compiled for the build's baseline CPU only).
  thread_local simdjson::dom::parser parser;
  thread_local std::string buffer;
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  buffer.assign(line);
  buffer.resize(line.size() + simdjson::SIMDJSON_PADDING, ' ');
  if (parser.parse(buffer.data(), line.size(), false).get(doc)) {
    if (error) *error = "not JSON";
    return false;
  }
  return true;
}

}  // namespace

bool parse_json_object(std::string_view line, simdjson::dom::object& object, std::string* error) {
  simdjson::dom::element doc;
  if (!parse_json_line(line, doc, error)) return false;
  if (doc.get_object().get(object)) {
    if (error) *error = "not a JSON object";
    return false;
  }
  return true;
}

bool parse_json_array(std::string_view line, simdjson::dom::array& array, std::string* error) {
  simdjson::dom::element doc;
  if (!parse_json_line(line, doc, error)) return false;
  if (doc.get_array().get(array)) {
    if (error) *error = "not a JSON array";
    return false;
  }
  return true;
}

bool parse_record_line(std::string_view line, EventRecord& record, std::string* error) {
  simdjson::dom::object object;
  return parse_json_object(line, object, error) && parse_record(object, record, error);
}

}  // namespace loopscope
