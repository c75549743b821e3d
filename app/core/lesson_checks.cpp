// The check language: each kind is one small function over the trace's events.
// Checks read Trace::events() (the ordered record of what happened) and Trace::lanes() (names
// and kinds), so they depend only on the event stream contract, not on how spans are drawn.
#include "core/lesson_checks.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/check_kinds.h"

namespace loopscope {

std::string CheckSpec::arg(const std::string& key, const std::string& fallback) const {
  auto it = args.find(key);
  return it == args.end() ? fallback : it->second;
}

bool glob_match(std::string_view pattern, std::string_view text) {
  // Iterative glob with backtracking to the last `*` (linear in practice).
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p, ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++, mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1, t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

namespace checks {

long to_long(const std::string& s, long fallback) {
  long v = fallback;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() ? v : fallback;
}

double to_double(const std::string& s, double fallback) {
  try {
    return s.empty() ? fallback : std::stod(s);
  } catch (...) {
    return fallback;
  }
}

std::string Bounds::text() const {
  std::string as_many = like.empty() ? "" : " (as many as lines " + quoted(like) + ")";
  if (max < 0) return "at least " + std::to_string(min);
  if (min == max) return "exactly " + std::to_string(min) + as_many;
  if (min <= 0) return "at most " + std::to_string(max);
  return "between " + std::to_string(min) + " and " + std::to_string(max);
}

Bounds bounds(const CheckSpec& s, const Query& q, long min_default) {
  Bounds b;
  b.min = to_long(s.arg("min"), min_default);
  b.max = to_long(s.arg("max"), -1);
  if (s.has("count")) b.min = b.max = to_long(s.arg("count"), 0);
  if (s.has("same_count_as")) {
    b.like = s.arg("same_count_as");
    b.min = b.max = static_cast<long>(q.stdout_lines(b.like).size());
  }
  return b;
}

std::string lane_filter_text(const CheckSpec& s, const char* key) {
  if (!s.has(key)) return s.has("lane_kind") ? "the " + s.arg("lane_kind") + " lane(s)" : "any lane";
  return quoted(s.arg(key)) + (s.has("lane_kind") ? " (" + s.arg("lane_kind") + " lane)" : "");
}

std::vector<std::string> patterns(const CheckSpec& s, const std::string& key) {
  if (auto it = s.lists.find(key); it != s.lists.end()) return it->second;
  if (auto it = s.args.find(key); it != s.args.end()) return {it->second};
  return {};
}

bool any_glob(const std::vector<std::string>& list, std::string_view text) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& p) { return glob_match(p, text); });
}

}  // namespace checks

namespace {

using checks::Query;
using namespace checks;

struct KindInfo {
  const char* name;
  KindFn run;
  std::vector<const char*> required;  // arguments the kind cannot work without
};

const std::vector<KindInfo>& kinds() {
  static const std::vector<KindInfo> table = {
      {"exit_clean", exit_clean, {}},
      {"no_exception", no_exception, {}},
      {"exception", exception, {"type"}},
      {"no_stall", no_stall, {}},
      {"has_stall", has_stall, {}},
      {"blocked", blocked, {}},
      {"late_timers", late_timers, {}},
      {"lane_exists", lane_exists, {}},
      {"printed_by", printed_by, {"text"}},
      {"print_count", print_count, {"text"}},
      {"print_order", print_order, {"texts"}},
      {"print_sequence", print_sequence, {"texts"}},
      {"printed_before", printed_before, {"texts", "before"}},
      {"first_print", first_print, {"text"}},
      {"spacing", spacing, {}},
      {"finished_before", finished_before, {"task"}},
      {"ran_before", ran_before, {"task", "before"}},
      {"awaited", awaited, {"label"}},
      {"shorter_sleep", shorter_sleep, {"after", "than_after"}},
      {"woken", woken, {"task"}},
      {"yields", yields, {}},
      {"gen_event", gen_event, {"how"}},
      {"gen_closed_in", gen_closed_in, {"text"}},
      {"concurrent", concurrent, {"a", "b"}},
      {"max_overlap", max_overlap, {}},
      {"ran_during", ran_during, {"task", "during"}},
      {"interleaved", interleaved, {"a", "b"}},
      {"total_time_below", total_time_below, {}},
      {"job", job, {}},
      {"task_outcome", task_outcome, {"outcome"}},
  };
  return table;
}

const KindInfo* find_kind(const std::string& name) {
  for (const auto& k : kinds())
    if (name == k.name) return &k;
  return nullptr;
}

}  // namespace

const std::vector<std::string>& check_kinds() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& k : kinds()) out.emplace_back(k.name);
    return out;
  }();
  return names;
}

std::string validate_check(const CheckSpec& spec) {
  const KindInfo* kind = find_kind(spec.kind);
  if (!kind) return "unknown check kind '" + spec.kind + "'";
  for (const char* arg : kind->required)
    if (!spec.has(arg)) return "check '" + spec.kind + "' needs '" + arg + "'";
  return {};
}

std::string describe_check(const CheckSpec& spec) {
  if (!spec.what.empty()) return spec.what;
  std::string out = spec.negate ? "not " + spec.kind : spec.kind;
  for (const auto& [key, value] : spec.args) out += " " + key + "=" + value;
  for (const auto& [key, values] : spec.lists) {
    out += " " + key + "=[";
    for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + values[i];
    out += "]";
  }
  return out;
}

CheckResult evaluate_check(const CheckSpec& spec, const Trace& trace) {
  if (std::string problem = validate_check(spec); !problem.empty()) return fail(problem);
  Query q{trace};
  CheckResult r = find_kind(spec.kind)->run(spec, q);
  if (spec.negate) {
    r.passed = !r.passed;
    r.reason = (r.passed ? "As wanted, not so: " : "Should not happen: ") + r.reason;
  }
  return r;
}

std::vector<CheckResult> evaluate_checks(const std::vector<CheckSpec>& specs, const Trace& trace) {
  std::vector<CheckResult> out;
  out.reserve(specs.size());
  for (const auto& s : specs) out.push_back(evaluate_check(s, trace));
  return out;
}

bool all_passed(const std::vector<CheckResult>& results) {
  return std::all_of(results.begin(), results.end(), [](const CheckResult& r) { return r.passed; });
}

}  // namespace loopscope
