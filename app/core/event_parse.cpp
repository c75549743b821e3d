#include "core/event_parse.h"

#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace loopscope {
namespace {

using IntField = std::int64_t EventRecord::*;
using StrField = std::string_view EventRecord::*;

struct FieldSlot {
  IntField int_field = nullptr;
  StrField str_field = nullptr;
};

// Field name -> where it goes. Built once; a hash lookup per field.
const std::unordered_map<std::string_view, FieldSlot>& field_slots() {
  static const std::unordered_map<std::string_view, FieldSlot> slots = [] {
    std::unordered_map<std::string_view, FieldSlot> m;
    auto i = [&](std::string_view name, IntField f) { m[name].int_field = f; };
    auto s = [&](std::string_view name, StrField f) { m[name].str_field = f; };
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
    return m;
  }();
  return slots;
}

bool read_int(simdjson::ondemand::value value, std::int64_t& out) {
  simdjson::ondemand::number_type type;
  if (value.get_number_type().get(type)) return false;
  if (type == simdjson::ondemand::number_type::floating_point_number) {
    double d = 0;
    if (value.get_double().get(d) || !std::isfinite(d)) return false;
    out = static_cast<std::int64_t>(d);
    return true;
  }
  return !value.get_int64().get(out);
}

}  // namespace

bool parse_record(simdjson::ondemand::object object, EventRecord& record, std::string* error) {
  record = EventRecord{};
  const auto& slots = field_slots();
  for (auto field : object) {
    std::string_view key;
    if (field.unescaped_key().get(key)) {
      if (error) *error = "broken JSON key";
      return false;
    }
    simdjson::ondemand::value value;
    if (field.value().get(value)) {
      if (error) *error = "broken JSON value";
      return false;
    }
    const auto slot = slots.find(key);
    if (slot == slots.end()) continue;  // a field we do not know: ignored, as the format says
    simdjson::ondemand::json_type type;
    if (value.type().get(type)) {
      if (error) *error = "broken JSON value";
      return false;
    }
    if (slot->second.int_field && type == simdjson::ondemand::json_type::number) {
      if (!read_int(value, record.*(slot->second.int_field))) {
        if (error) *error = "bad number in field '" + std::string(key) + "'";
        return false;
      }
    } else if (slot->second.str_field && type == simdjson::ondemand::json_type::string) {
      if (value.get_string().get(record.*(slot->second.str_field))) {
        if (error) *error = "bad string in field '" + std::string(key) + "'";
        return false;
      }
    }
    // Any other type (null, a list, ...) is skipped by the iteration.
  }
  return true;
}

bool parse_record_line(std::string_view line, EventRecord& record, std::string* error) {
  thread_local simdjson::ondemand::parser parser;
  thread_local std::string buffer;
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  buffer.assign(line);
  buffer.resize(line.size() + simdjson::SIMDJSON_PADDING, ' ');
  simdjson::ondemand::document doc;
  if (parser.iterate(buffer.data(), line.size(), buffer.size()).get(doc)) {
    if (error) *error = "not JSON";
    return false;
  }
  simdjson::ondemand::object object;
  if (doc.get_object().get(object)) {
    if (error) *error = "not a JSON object";
    return false;
  }
  return parse_record(object, record, error);
}

}  // namespace loopscope
