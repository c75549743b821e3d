// Structural checks on a Chrome trace export, shared by the core and end-to-end tests.
#pragma once

#include <algorithm>
#include <map>
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

}  // namespace chrome_checks
