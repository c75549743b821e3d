#include "core/compact_stream.h"

#include <array>
#include <utility>
#include <stdexcept>

#include "core/event_parse.h"
#include "core/json_text.h"
#include "core/record_fields.h"

namespace loopscope {

namespace {

// A record kind and its fields, in the order a compact record holds them.
struct CompactKind {
  std::string_view ev;
  std::vector<std::string_view> fields;
};

// Every kind the model keeps, with its fields in the order core/record_fields.h passes them,
// except that `line` comes right after `lane`: most records have a line, and an absent field
// before a present one costs a `null`.
const std::vector<CompactKind> kKinds = {
    {"hello", {"version", "python", "impl", "script", "pid", "stall_ms", "line"}},
    {"exit", {"code", "how", "line"}},
    {"note", {"text", "budget", "line"}},
    {"end", {"status", "code", "signal", "message", "line"}},
    {"lane", {"lane", "line", "kind", "name", "coro", "thread", "obj", "parent", "loop"}},
    {"rename", {"lane", "line", "name"}},
    {"run", {"lane", "line", "ready", "by", "why", "late"}},
    {"suspend", {"lane", "line", "awaiting", "wait", "target", "due"}},
    {"done", {"lane", "line", "outcome", "detail"}},
    {"cb", {"lane", "line", "name", "late"}},
    {"cb_end", {"lane", "line"}},
    {"idle", {"lane", "line", "timeout"}},
    {"idle_end", {"lane", "line", "events"}},
    {"stall", {"lane", "line", "task", "since", "func"}},
    {"block", {"lane", "line", "what"}},
    {"block_end", {"lane", "line"}},
    {"job", {"lane", "line", "job", "func", "task", "via"}},
    {"job_end", {"lane", "line", "job", "outcome"}},
    {"enter", {"lane", "line", "from", "how"}},
    {"leave", {"lane", "line", "from", "how", "value", "exc"}},
    {"print", {"lane", "line", "stream", "text"}},
    {"exception", {"lane", "line", "type", "message", "traceback"}},
    {"warning", {"lane", "line", "category", "text"}},
};
constexpr std::size_t kMaxFields = 9;

// Fields written as their value minus the record's `t`.
bool is_time_field(std::string_view name) { return name == "ready" || name == "since" || name == "due"; }

// Text that is written without a number: a lane's name is used once (a run of 2000 tasks
// numbered their 2000 names first, and every later string took a number four digits long).
bool is_text_used_once(std::string_view kind, std::string_view field) { return kind == "lane" && field == "name"; }

}  // namespace

std::string compact_kinds_json() {
  std::string out = "[";
  for (std::size_t k = 0; k < kKinds.size(); ++k) {
    if (k) out += ',';
    out += '[';
    append_json_string(out, kKinds[k].ev);
    for (const std::string_view field : kKinds[k].fields) {
      out += ',';
      append_json_string(out, field);
    }
    out += ']';
  }
  return out + "]";
}

// ---------------------------------------------------------------------------------------------
// Writer

// One record's fields, put in their positions (core/record_fields.h calls it). A field it is
// given that the kinds table does not have, or a time the reader would not take as relative
// to `t`, is a mistake in this file: it throws, and the round-trip tests catch it.
struct CompactStreamWriter::Sink {
  enum class Type : std::uint8_t { Absent, NoLane, Int, Text, TextOnce };
  struct Slot {
    Type type = Type::Absent;
    std::int64_t value = 0;
    std::string_view text;
  };

  const CompactKind& kind;
  Nanos t;
  std::array<Slot, kMaxFields> slots{};

  Slot& at(std::string_view key) {
    for (std::size_t i = 0; i < kind.fields.size(); ++i)
      if (kind.fields[i] == key) return slots[i];
    throw std::logic_error("compact_stream.cpp: field '" + std::string(key) + "' is not in the kinds table of " +
                           std::string(kind.ev));
  }
  void num(std::string_view key, std::int64_t value) { at(key) = {Type::Int, value, {}}; }
  void time(std::string_view key, Nanos value) {
    if (!is_time_field(key)) throw std::logic_error("compact_stream.cpp: '" + std::string(key) + "' is not a time field");
    at(key) = {Type::Int, value - t, {}};
  }
  void lane(std::string_view key, LaneId lane) {
    at(key) = lane == kNoLane ? Slot{Type::NoLane, -1, {}} : Slot{Type::Int, lane, {}};
  }
  void text(std::string_view key, std::string_view value) {
    at(key) = {is_text_used_once(kind.ev, key) ? Type::TextOnce : Type::Text, 0, value};
  }
};

CompactStreamWriter::CompactStreamWriter() {
  for (const CompactKind& kind : kKinds)
    if (kind.fields.size() > kMaxFields) throw std::logic_error("compact_stream.cpp: kMaxFields is too small");
  kind_of_event_.assign(static_cast<std::size_t>(EventKind::Unknown) + 1, -1);
  for (int e = 0; e < static_cast<int>(EventKind::Unknown); ++e) {
    const std::string_view ev = to_string(static_cast<EventKind>(e));
    for (std::size_t k = 0; k < kKinds.size(); ++k)
      if (kKinds[k].ev == ev) kind_of_event_[static_cast<std::size_t>(e)] = static_cast<int>(k);
  }
}

void CompactStreamWriter::append_string(std::string& out, std::string_view text) {
  // Short strings are numbered (a long one is rarely repeated), up to a bound on the table.
  if (text.size() <= kCompactInternMaxBytes) {
    if (const auto found = strings_.find(text); found != strings_.end()) {
      append_json_int(out, found->second);
      return;
    }
    if (strings_.size() < kCompactStringNumbers) {
      strings_.emplace(std::string(text), static_cast<std::int64_t>(strings_.size()));
      append_json_string(out, text);
      return;
    }
  }
  append_unnumbered(out, text);
}

void CompactStreamWriter::append_unnumbered(std::string& out, std::string_view text) {
  out += '[';
  append_json_string(out, text);
  out += ']';
}

void CompactStreamWriter::append(std::string& out, const Trace& trace, const Event& ev) {
  const int kind = kind_of_event_[static_cast<std::size_t>(ev.kind)];
  if (kind < 0) return;  // not a record of the stream (the model keeps none such)
  if (static_cast<std::int64_t>(ev.seq) != next_seq_) {
    out += "[-1,";
    append_json_int(out, ev.seq);
    out += "],\n";
  }
  next_seq_ = static_cast<std::int64_t>(ev.seq) + 1;
  Sink sink{kKinds[static_cast<std::size_t>(kind)], ev.t};
  visit_record_fields(trace, ev, sink);

  out += '[';
  append_json_int(out, kind);
  out += ',';
  append_json_int(out, ev.t - last_t_);
  last_t_ = ev.t;
  std::size_t count = 0;  // up to the last field with a value
  for (std::size_t i = 0; i < sink.kind.fields.size(); ++i)
    if (sink.slots[i].type != Sink::Type::Absent && sink.slots[i].type != Sink::Type::NoLane) count = i + 1;
  for (std::size_t i = 0; i < count; ++i) {
    out += ',';
    const Sink::Slot& slot = sink.slots[i];
    switch (slot.type) {
      case Sink::Type::Absent: out += "null"; break;
      case Sink::Type::NoLane: out += "-1"; break;
      case Sink::Type::Int: append_json_int(out, slot.value); break;
      case Sink::Type::Text: append_string(out, slot.text); break;
      case Sink::Type::TextOnce: append_unnumbered(out, slot.text); break;
    }
  }
  out += ']';
}

// ---------------------------------------------------------------------------------------------
// Reader

bool CompactStreamReader::set_kinds(simdjson::dom::array kinds, std::string* why) {
  kinds_.clear();
  for (const simdjson::dom::element entry : kinds) {
    simdjson::dom::array names;
    std::string_view name;
    if (entry.get_array().get(names) || names.size() == 0 || names.at(0).get_string().get(name)) {
      if (why) *why = "an entry of its \"kinds\" table is not a list of names";
      return false;
    }
    Kind kind{std::string(name), {}, {}};
    bool first = true;
    for (const simdjson::dom::element field : names) {
      if (std::exchange(first, false)) continue;
      if (field.get_string().get(name)) {
        if (why) *why = "an entry of its \"kinds\" table is not a list of names";
        return false;
      }
      const int index = record_field_index(name);
      kind.fields.push_back(index);
      kind.relative.push_back(is_time_field(name));
    }
    kinds_.push_back(std::move(kind));
  }
  return true;
}

bool CompactStreamReader::read_field(int field, bool relative, simdjson::dom::element value, EventRecord& out,
                                     std::string* why) {
  const auto type = value.type();
  const bool text_field = field >= 0 && !record_field_is_int(field);
  if (type == simdjson::dom::element_type::STRING) {
    // Every string so written gets the next number, whatever its field.
    if (strings_.size() >= kCompactStringNumbers) {
      if (why) *why = "more numbered strings than a reader keeps (" + std::to_string(kCompactStringNumbers) + ")";
      return false;
    }
    strings_.emplace_back(value.get_string().value_unsafe());
    if (text_field) set_record_field(out, field, strings_.back());
    return true;
  }
  if (type == simdjson::dom::element_type::ARRAY) {  // ["text"]: text without a number
    std::string_view text;
    simdjson::dom::array list = value.get_array().value_unsafe();
    if (list.size() != 1 || list.at(0).get_string().get(text)) {
      if (why) *why = "a list in a record that is not [\"text\"]";
      return false;
    }
    if (text_field) set_record_field(out, field, text);  // a view into the parsed record, as the caller's line
    return true;
  }
  if (type == simdjson::dom::element_type::NULL_VALUE || field < 0) return true;
  std::int64_t number = 0;
  if (!read_record_int(value, number)) {
    if (why) *why = "a field is not a number";
    return false;
  }
  if (record_field_is_int(field)) {
    set_record_field(out, field, relative ? number + out.t : number);
    return true;
  }
  if (number < 0 || static_cast<std::size_t>(number) >= strings_.size()) {
    if (why) *why = "a string number " + std::to_string(number) + " that was never written";
    return false;
  }
  set_record_field(out, field, std::string_view(strings_[static_cast<std::size_t>(number)]));
  return true;
}

bool CompactStreamReader::read(simdjson::dom::array record, EventRecord& out, bool& is_record, std::string* why) {
  auto fail = [&](const char* text) {
    if (why) *why = text;
    return false;
  };
  auto it = record.begin();
  std::int64_t kind = 0, dt = 0;
  if (it == record.end() || (*it).get_int64().get(kind)) return fail("a record does not start with its kind");
  ++it;
  if (it == record.end() || (*it).get_int64().get(dt)) return fail("a record has no time");
  ++it;
  if (kind == -1) {  // [-1, N]: the next record's seq
    is_record = false;
    next_seq_ = dt;
    return true;
  }
  if (kind < 0 || static_cast<std::size_t>(kind) >= kinds_.size()) return fail("a record of a kind the table has not");
  is_record = true;
  const Kind& k = kinds_[static_cast<std::size_t>(kind)];
  out = EventRecord{};
  out.seq = next_seq_++;
  out.t = last_t_ += dt;
  out.ev = k.ev;
  for (std::size_t position = 0; it != record.end(); ++it, ++position) {
    const bool known = position < k.fields.size();
    if (!read_field(known ? k.fields[position] : -1, known && k.relative[position], *it, out, why)) return false;
  }
  return true;
}

}  // namespace loopscope
