#include "core/event_parse.h"

#include <cmath>
#include <cstdint>

#include "core/name_table.h"

namespace loopscope {
namespace {

using IntField = std::int64_t EventRecord::*;
using StrField = std::string_view EventRecord::*;

struct FieldSlot {
  IntField int_field = nullptr;
  StrField str_field = nullptr;
};

// Field name -> where it goes. Built once.
class FieldTable {
 public:
  FieldTable() {
    auto i = [&](std::string_view name, IntField f) { table_.add(name).int_field = f; };
    auto s = [&](std::string_view name, StrField f) { table_.add(name).str_field = f; };
    i("seq", &EventRecord::seq); i("t", &EventRecord::t); s("ev", &EventRecord::ev);
    i("lane", &EventRecord::lane); i("parent", &EventRecord::parent); i("by", &EventRecord::by);
    i("target", &EventRecord::target); i("task", &EventRecord::task); i("from", &EventRecord::from); i("loop", &EventRecord::loop);
    i("line", &EventRecord::line); i("ready", &EventRecord::ready); i("late", &EventRecord::late);
    i("timeout", &EventRecord::timeout); i("events", &EventRecord::events);
    i("since", &EventRecord::since); i("job", &EventRecord::job); i("code", &EventRecord::code);
    i("signal", &EventRecord::signal); i("pid", &EventRecord::pid);
    i("stall_ms", &EventRecord::stall_ms); i("version", &EventRecord::version);
    i("due", &EventRecord::due);
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
  }
  // The slot of `key`, or nullptr for a field the format does not have.
  const FieldSlot* find(std::string_view key) const { return table_.find(key); }

 private:
  NameTable<FieldSlot> table_;
};

const FieldTable& field_slots() {
  static const FieldTable table;
  return table;
}

// An integer field: ints as they are, floats truncated (a stream may write 12.0).
bool read_int(simdjson::dom::element value, std::int64_t& out) {
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

}  // namespace

bool parse_record(simdjson::dom::object object, EventRecord& record, std::string* error) {
  record = EventRecord{};
  const auto& slots = field_slots();
  for (const auto field : object) {
    const FieldSlot* slot = slots.find(field.key);
    if (!slot) continue;  // a field we do not know: ignored, as the format says
    const auto type = field.value.type();
    if (slot->int_field && (type == simdjson::dom::element_type::INT64 ||
                            type == simdjson::dom::element_type::UINT64 ||
                            type == simdjson::dom::element_type::DOUBLE)) {
      if (!read_int(field.value, record.*(slot->int_field))) {
        if (error) *error = "bad number in field '" + std::string(field.key) + "'";
        return false;
      }
    } else if (slot->str_field && type == simdjson::dom::element_type::STRING) {
      record.*(slot->str_field) = field.value.get_string().value_unsafe();
    }
    // Any other type (null, a list, ...) is skipped.
  }
  return true;
}

bool parse_record_line(std::string_view line, EventRecord& record, std::string* error) {
  // The DOM parser dispatches to the best SIMD kernel at run time (simdjson's On Demand API
  // is compiled for the build's baseline CPU only).
  thread_local simdjson::dom::parser parser;
  thread_local std::string buffer;
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  buffer.assign(line);
  buffer.resize(line.size() + simdjson::SIMDJSON_PADDING, ' ');
  simdjson::dom::element doc;
  if (parser.parse(buffer.data(), line.size(), false).get(doc)) {
    if (error) *error = "not JSON";
    return false;
  }
  simdjson::dom::object object;
  if (doc.get_object().get(object)) {
    if (error) *error = "not a JSON object";
    return false;
  }
  return parse_record(object, record, error);
}

}  // namespace loopscope
