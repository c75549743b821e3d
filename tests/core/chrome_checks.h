// Structural checks on a Chrome trace export, shared by the core and end-to-end tests.
#pragma once

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace chrome_checks {

using nlohmann::json;

// tid -> thread_name metadata args ({"name", "kind"}).
inline std::map<long, json> lanes(const json& trace) {
  std::map<long, json> out;
  for (const auto& e : trace.at("traceEvents"))
    if (e.value("ph", "") == "M" && e.value("name", "") == "thread_name") out[e.at("tid").get<long>()] = e.at("args");
  return out;
}

inline long tid_named(const json& trace, const std::string& prefix) {
  for (const auto& [tid, args] : lanes(trace))
    if (args.at("name").get<std::string>().rfind(prefix, 0) == 0) return tid;
  return -1;
}

inline std::vector<json> events(const json& trace, const std::string& ph, const std::string& key,
                                const std::string& value) {
  std::vector<json> out;
  for (const auto& e : trace.at("traceEvents"))
    if (e.value("ph", "") == ph && e.value(key, "") == value) out.push_back(e);
  return out;
}

// Spans ("X") on one tid must nest properly: a span that starts inside another ends inside it.
// Returns a description of the first violation, or "".
inline std::string overlap_problem(const json& trace) {
  std::map<long, std::vector<std::pair<double, double>>> per_tid;
  for (const auto& e : trace.at("traceEvents"))
    if (e.value("ph", "") == "X")
      per_tid[e.at("tid").get<long>()].emplace_back(e.at("ts").get<double>(),
                                                     e.at("ts").get<double>() + e.at("dur").get<double>());
  constexpr double eps = 1e-6;
  for (auto& [tid, spans] : per_tid) {
    std::sort(spans.begin(), spans.end(), [](auto& a, auto& b) {
      return a.first < b.first || (a.first == b.first && a.second > b.second);
    });
    std::vector<double> open_ends;
    for (const auto& [start, end] : spans) {
      while (!open_ends.empty() && open_ends.back() <= start + eps) open_ends.pop_back();
      if (!open_ends.empty() && end > open_ends.back() + eps)
        return "tid " + std::to_string(tid) + ": span at " + std::to_string(start) + " overlaps its neighbour";
      open_ends.push_back(end);
    }
  }
  return {};
}

// The stream records embedded under "loopscope", as JSON objects with every field named:
// version 1 as they are, version 2 (compact arrays) decoded as docs/trace-format.md says, a
// decoder of its own (not the app's), so that the tests check the writer against the text of
// the format. Throws std::runtime_error for what the format does not allow.
inline std::vector<json> embedded_records(const json& trace) {
  const json& ls = trace.at("loopscope");
  std::vector<json> out;
  if (ls.at("version") == 1) {
    for (const auto& r : ls.at("events")) out.push_back(r);
    return out;
  }
  if (ls.at("version") != 2) throw std::runtime_error("unknown version");
  const json& kinds = ls.at("kinds");
  const std::vector<std::string> time_fields = {"ready", "since", "due"};
  std::vector<std::string> strings;
  long long t = 0, seq = 0;
  for (const auto& r : ls.at("events")) {
    if (!r.is_array() || r.size() < 2) throw std::runtime_error("a record is not [kind, dt, ...]");
    if (r[0] == -1) {
      seq = r[1].get<long long>();
      continue;
    }
    const json& kind = kinds.at(r[0].get<std::size_t>());
    t += r[1].get<long long>();
    json record = {{"seq", seq++}, {"t", t}, {"ev", kind.at(0)}};
    for (std::size_t i = 2; i < r.size(); ++i) {
      const std::string name = kind.at(i - 1);
      const json& value = r[i];
      if (value.is_null()) continue;
      if (value.is_array()) {  // ["text"]: text that gets no number
        record[name] = value.at(0).get<std::string>();
      } else if (value.is_string()) {
        strings.push_back(value.get<std::string>());
        record[name] = value;
      } else if (std::find(time_fields.begin(), time_fields.end(), name) != time_fields.end()) {
        record[name] = value.get<long long>() + t;
      } else {
        record[name] = value;
      }
    }
    out.push_back(std::move(record));
  }
  // A number in a field that holds text is a string written before: resolved once all strings
  // are known in order (the numbering counts every string written as a JSON string).
  std::size_t next = 0;
  std::vector<json> resolved;
  for (const auto& r : ls.at("events")) {
    if (r[0] == -1) continue;
    json record = out[resolved.size()];
    const json& kind = kinds.at(r[0].get<std::size_t>());
    for (std::size_t i = 2; i < r.size(); ++i) {
      const std::string name = kind.at(i - 1);
      if (r[i].is_string()) ++next;
      static const std::vector<std::string> text_fields = {
          "kind", "name", "coro", "thread", "obj", "why", "awaiting", "wait", "outcome", "detail", "func", "what",
          "via", "how", "value", "exc", "stream", "text", "type", "message", "traceback", "category", "python",
          "impl", "script", "status"};
      if (r[i].is_number() && std::find(text_fields.begin(), text_fields.end(), name) != text_fields.end()) {
        const auto index = r[i].get<std::size_t>();
        if (index >= next) throw std::runtime_error("string " + std::to_string(index) + " used before it was written");
        record[name] = strings.at(index);
      }
    }
    resolved.push_back(std::move(record));
  }
  return resolved;
}

// Records with their lane fields that name no lane (-1) left out: a reader takes a missing lane
// field as -1 (docs/trace-format.md), so two streams that differ only there say the same.
inline std::vector<json> without_no_lane_fields(std::vector<json> records) {
  for (json& r : records)
    for (const char* key : {"lane", "parent", "by", "target", "task", "from", "loop"})
      if (r.contains(key) && r[key] == -1) r.erase(key);
  return records;
}

}  // namespace chrome_checks
