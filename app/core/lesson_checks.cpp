// The check language: each kind is one small function over the trace's events.
// Checks read Trace::events() (the ordered record of what happened) and Trace::lanes() (names
// and kinds), so they depend only on the event stream contract, not on how spans are drawn.
#include "core/lesson_checks.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <functional>
#include <set>

#include "core/lesson_trace_query.h"

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

namespace {

using checks::Query;

CheckResult pass(std::string reason) { return {true, std::move(reason)}; }
CheckResult fail(std::string reason) { return {false, std::move(reason)}; }

std::string quoted(const std::string& s) { return "'" + s + "'"; }

// Count bounds shared by many kinds: min (default `min_default`) and optional max.
struct Bounds {
  long min = 1;
  long max = -1;  // -1: no upper bound
  bool ok(long n) const { return n >= min && (max < 0 || n <= max); }
  std::string text() const {
    if (max < 0) return "at least " + std::to_string(min);
    if (min == max) return "exactly " + std::to_string(min);
    if (min <= 0) return "at most " + std::to_string(max);
    return "between " + std::to_string(min) + " and " + std::to_string(max);
  }
};

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

Bounds bounds(const CheckSpec& s, long min_default = 1) {
  Bounds b;
  b.min = to_long(s.arg("min"), min_default);
  b.max = to_long(s.arg("max"), -1);
  if (s.has("count")) b.min = b.max = to_long(s.arg("count"), 0);
  return b;
}

std::string lane_filter_text(const CheckSpec& s, const char* key = "lane") {
  if (!s.has(key)) return s.has("lane_kind") ? "the " + s.arg("lane_kind") + " lane(s)" : "any lane";
  return quoted(s.arg(key)) + (s.has("lane_kind") ? " (" + s.arg("lane_kind") + " lane)" : "");
}

// ---- one function per kind ----------------------------------------------------------------

CheckResult no_stall(const CheckSpec&, const Query& q) {
  for (const Event& e : q.events())
    if (e.kind == EventKind::Stall)
      return fail("The loop stalled: a step ran over " + std::to_string(q.trace.info().stall_ms) + " ms (line " +
                  std::to_string(e.line) + ")");
  return pass("No loop step ran long enough to stall the loop");
}

CheckResult has_stall(const CheckSpec& s, const Query& q) {
  std::set<Nanos> steps;  // a long step may report several stalls (one per new line)
  for (const Event& e : q.events())
    if (e.kind == EventKind::Stall) steps.insert(e.aux);
  Bounds b = bounds(s);
  std::string n = std::to_string(steps.size());
  if (b.ok(static_cast<long>(steps.size()))) return pass("The loop stalled in " + n + " step(s)");
  return fail("Expected " + b.text() + " stalled step(s), saw " + n);
}

CheckResult late_timers(const CheckSpec& s, const Query& q) {
  Nanos threshold = static_cast<Nanos>(to_double(s.arg("late_ms"), 20.0) * 1e6);
  long n = 0;
  for (const Event& e : q.events())
    if (e.kind == EventKind::Run && e.sub == static_cast<std::uint8_t>(WakeWhy::Timer) && e.late > threshold &&
        (!s.has("task") || q.lane_matches(e.lane, s.arg("task"))))
      ++n;
  Bounds b = bounds(s);
  std::string what = std::to_string(n) + " timer(s) fired more than " + s.arg("late_ms", "20") + " ms late";
  return b.ok(n) ? pass(what) : fail("Expected " + b.text() + " late timer(s); " + what);
}

CheckResult lane_exists(const CheckSpec& s, const Query& q) {
  long n = static_cast<long>(q.lanes_matching(s.arg("lane"), s.arg("lane_kind")).size());
  Bounds b = bounds(s);
  std::string what = std::to_string(n) + " lane(s) match " + lane_filter_text(s);
  return b.ok(n) ? pass(what) : fail("Expected " + b.text() + "; " + what);
}

CheckResult printed_by(const CheckSpec& s, const Query& q) {
  std::string pattern = s.arg("text", "*");
  long on_lane = 0;
  std::string elsewhere;  // the first matching print on another lane, for the reason
  for (const Event& e : q.prints(pattern)) {
    if (q.lane_ok(e.lane, s.arg("lane"), s.arg("lane_kind"))) {
      ++on_lane;
    } else if (elsewhere.empty()) {
      elsewhere = q.lane_name(e.lane);
    }
  }
  bool all = s.arg("all") == "true";
  Bounds b = bounds(s);
  if (all && !elsewhere.empty())
    return fail(quoted(pattern) + " was printed by " + quoted(elsewhere) + ", not only by " + lane_filter_text(s));
  if (b.ok(on_lane))
    return pass(quoted(pattern) + " printed " + std::to_string(on_lane) + " time(s) by " + lane_filter_text(s));
  if (on_lane == 0 && !elsewhere.empty())
    return fail(quoted(pattern) + " was printed by " + quoted(elsewhere) + ", not by " + lane_filter_text(s));
  return fail("Expected " + b.text() + " line(s) " + quoted(pattern) + " from " + lane_filter_text(s) + ", saw " +
              std::to_string(on_lane));
}

CheckResult print_count(const CheckSpec& s, const Query& q) {
  std::string pattern = s.arg("text", "*");
  long n = 0;
  for (const Event& e : q.prints(pattern))
    if (q.lane_ok(e.lane, s.arg("lane"), s.arg("lane_kind"))) ++n;
  Bounds b = bounds(s);
  std::string what = std::to_string(n) + " line(s) matching " + quoted(pattern);
  return b.ok(n) ? pass(what) : fail("Expected " + b.text() + "; " + what);
}

CheckResult print_order(const CheckSpec& s, const Query& q) {
  auto it = s.lists.find("texts");
  if (it == s.lists.end() || it->second.empty()) return fail("print_order needs texts = [...]");
  const auto& texts = it->second;
  std::size_t next = 0;
  for (const Event& e : q.events()) {
    if (next == texts.size()) break;
    if (e.kind == EventKind::Print && glob_match(texts[next], q.trace.str(e.text))) ++next;
  }
  if (next == texts.size()) return pass("Printed in order: " + quoted(texts.front()) + " … " + quoted(texts.back()));
  if (next == 0) return fail("Nothing matching " + quoted(texts[0]) + " was printed");
  return fail(quoted(texts[next]) + " was not printed after " + quoted(texts[next - 1]));
}

CheckResult first_print(const CheckSpec& s, const Query& q) {
  for (const Event& e : q.events()) {
    if (e.kind != EventKind::Print || e.sub != static_cast<std::uint8_t>(Stream::Stdout)) continue;
    std::string text(q.trace.str(e.text));
    if (glob_match(s.arg("text", "*"), text) && q.lane_ok(e.lane, s.arg("lane"), s.arg("lane_kind")))
      return pass("The first line printed was " + quoted(text));
    return fail("The first line printed was " + quoted(text) + " (by " + quoted(q.lane_name(e.lane)) + ")");
  }
  return fail("Nothing was printed");
}

CheckResult finished_before(const CheckSpec& s, const Query& q) {
  std::string a = s.arg("task");
  const Event* done_a = q.first_done(a);
  if (!done_a) return fail("Task " + quoted(a) + " never finished");
  if (s.has("before")) {
    std::string b = s.arg("before");
    const Event* done_b = q.first_done(b);
    if (done_b && done_b->seq < done_a->seq)
      return fail("Task " + quoted(b) + " finished before task " + quoted(a));
    return pass("Task " + quoted(a) + " finished before task " + quoted(b));
  }
  std::string pattern = s.arg("before_print", "*");
  const Event* line = q.first_print(pattern);
  if (line && line->seq < done_a->seq)
    return fail("Task " + quoted(a) + " finished after " + quoted(std::string(q.trace.str(line->text))) +
                " was printed");
  return pass("Task " + quoted(a) + " finished before " + quoted(pattern) + " was printed");
}

CheckResult ran_before(const CheckSpec& s, const Query& q) {
  std::string a = s.arg("task"), b = s.arg("before");
  const Event* run_a = q.first_run(a);
  const Event* run_b = q.first_run(b);
  if (!run_a) return fail("Task " + quoted(a) + " never ran");
  if (run_b && run_b->seq < run_a->seq) return fail("Task " + quoted(b) + " ran before task " + quoted(a));
  return pass("Task " + quoted(a) + " ran before task " + quoted(b));
}

CheckResult awaited(const CheckSpec& s, const Query& q) {
  std::string label = s.arg("label", "*");
  long n = 0;
  for (const Event& e : q.events())
    if (e.kind == EventKind::Suspend && glob_match(label, q.trace.str(e.text)) &&
        q.lane_ok(e.lane, s.arg("task"), "task"))
      ++n;
  Bounds b = bounds(s);
  std::string who = s.has("task") ? "Task " + quoted(s.arg("task")) : "Tasks";
  std::string what = who + " awaited " + quoted(label) + " " + std::to_string(n) + " time(s)";
  return b.ok(n) ? pass(what) : fail("Expected " + b.text() + "; " + what);
}

CheckResult yields(const CheckSpec& s, const Query& q) {
  std::vector<std::string> seen;
  for (const Event& e : q.events())
    if (e.kind == EventKind::Leave && e.sub == static_cast<std::uint8_t>(GenHow::Yield) &&
        q.lane_ok(e.lane, s.arg("gen"), "gen"))
      seen.emplace_back(q.trace.str(e.text));
  std::string gen = s.has("gen") ? quoted(s.arg("gen")) : "generators";
  auto values = s.lists.find("values");
  if (values != s.lists.end()) {
    for (std::size_t i = 0; i < values->second.size(); ++i) {
      if (i >= seen.size())
        return fail(gen + " yielded only " + std::to_string(seen.size()) + " value(s), expected " +
                    std::to_string(values->second.size()));
      if (!glob_match(values->second[i], seen[i]))
        return fail(gen + " yielded " + seen[i] + " as value " + std::to_string(i + 1) + ", expected " +
                    values->second[i]);
    }
    if (seen.size() > values->second.size() && !s.has("min"))
      return fail(gen + " yielded " + std::to_string(seen.size()) + " values, expected " +
                  std::to_string(values->second.size()));
    return pass(gen + " yielded the expected " + std::to_string(values->second.size()) + " value(s)");
  }
  Bounds b = bounds(s);
  std::string what = gen + " yielded " + std::to_string(seen.size()) + " value(s)";
  return b.ok(static_cast<long>(seen.size())) ? pass(what) : fail("Expected " + b.text() + "; " + what);
}

CheckResult gen_event(const CheckSpec& s, const Query& q) {
  std::string how = s.arg("how", "stop");
  long n = 0;
  for (const Event& e : q.events())
    if (e.kind == EventKind::Leave && checks::gen_how_name(e.sub) == how && q.lane_ok(e.lane, s.arg("gen"), "gen"))
      ++n;
  Bounds b = bounds(s);
  std::string gen = s.has("gen") ? quoted(s.arg("gen")) : "generators";
  std::string what = gen + " left with '" + how + "' " + std::to_string(n) + " time(s)";
  return b.ok(n) ? pass(what) : fail("Expected " + b.text() + "; " + what);
}

CheckResult concurrent(const CheckSpec& s, const Query& q) {
  std::string a = s.arg("a"), b = s.arg("b");
  auto ia = q.busy_intervals(a, s.arg("a_kind")), ib = q.busy_intervals(b, s.arg("b_kind"));
  if (ia.empty()) return fail(quoted(a) + " never ran");
  if (ib.empty()) return fail(quoted(b) + " never ran");
  for (const auto& x : ia)
    for (const auto& y : ib)
      if (x.first < y.second && y.first < x.second) return pass(quoted(a) + " and " + quoted(b) + " overlapped in time");
  return fail(quoted(a) + " and " + quoted(b) + " ran one after the other, never at the same time");
}

CheckResult max_overlap(const CheckSpec& s, const Query& q) {
  std::vector<std::pair<Nanos, int>> edges;  // sweep line: +1 at a start, -1 at an end
  for (LaneId lane : q.lanes_matching(s.arg("lane"), s.arg("lane_kind")))
    for (const auto& [from, to] : q.busy_intervals_of(lane)) {
      edges.emplace_back(from, +1);
      edges.emplace_back(to, -1);
    }
  std::sort(edges.begin(), edges.end());  // an end sorts before a start at the same time
  long now = 0, best = 0;
  for (const auto& edge : edges) best = std::max(best, now += edge.second);
  Bounds b = bounds(s);
  std::string what = "at most " + std::to_string(best) + " of " + lane_filter_text(s) + " were busy at once";
  return b.ok(best) ? pass(what) : fail("Expected " + b.text() + " at once; " + what);
}

CheckResult ran_during(const CheckSpec& s, const Query& q) {
  auto windows = q.busy_intervals(s.arg("during"), s.arg("during_kind"));
  long n = 0;
  for (const Event& e : q.events()) {
    if (e.kind != EventKind::Run || !q.lane_ok(e.lane, s.arg("task"), "task")) continue;
    for (const auto& [from, to] : windows)
      if (e.t > from && e.t < to) {
        ++n;
        break;
      }
  }
  Bounds b = bounds(s);
  std::string what = "Task " + quoted(s.arg("task")) + " ran " + std::to_string(n) + " step(s) while " +
                     quoted(s.arg("during")) + " was busy";
  return b.ok(n) ? pass(what) : fail("Expected " + b.text() + "; " + what);
}

CheckResult interleaved(const CheckSpec& s, const Query& q) {
  bool on_prints = s.arg("on", "print") == "print";
  std::string a = s.arg("a"), b = s.arg("b");
  int last = 0;  // 1: a, 2: b
  long switches = 0;
  for (const Event& e : q.events()) {
    if (e.kind != (on_prints ? EventKind::Print : EventKind::Run)) continue;
    int who = q.lane_matches(e.lane, a) ? 1 : q.lane_matches(e.lane, b) ? 2 : 0;
    if (who == 0) continue;
    if (last != 0 && who != last) ++switches;
    last = who;
  }
  Bounds bnd = bounds(s, 3);
  std::string what = quoted(a) + " and " + quoted(b) + " took turns " + std::to_string(switches) + " time(s) (" +
                     (on_prints ? "prints" : "steps") + ")";
  return bnd.ok(switches) ? pass(what) : fail("Expected " + bnd.text() + " turns; " + what);
}

CheckResult gen_closed_in(const CheckSpec& s, const Query& q) {
  std::string pattern = s.arg("text");
  const Event* line = q.first_print(pattern);
  if (!line) return fail("The generator's finally never printed " + quoted(pattern));
  std::string by = q.lane_name(line->lane);
  // The consumer is a task: a bare "main" must not match the script's main lane.
  if (s.has("task") && !q.lane_ok(line->lane, s.arg("task"), s.arg("lane_kind", "task")))
    return fail("The finally ran in " + quoted(by) + ", not in " + quoted(s.arg("task")));
  if (s.has("before")) {
    const Event* after = q.first_print(s.arg("before"));
    if (!after || after->seq < line->seq)
      return fail("The finally ran after " + quoted(s.arg("before")) + " was printed");
  }
  return pass("The finally ran in " + quoted(by) + (s.has("before") ? " before " + quoted(s.arg("before")) : ""));
}

CheckResult total_time_below(const CheckSpec& s, const Query& q) {
  double sleeps = 0;  // the sum of the awaited sleep(x) labels, in seconds
  for (const Event& e : q.events())
    if (e.kind == EventKind::Suspend && q.lane_ok(e.lane, s.arg("task"), "task"))
      sleeps += checks::sleep_seconds(q.trace.str(e.text));
  Nanos from = 0, to = 0;
  if (!q.task_span(from, to)) return fail("No task ran");
  double total = static_cast<double>(to - from) / 1e9;
  double limit = sleeps * to_double(s.arg("factor"), 1.0);
  char buf[160];
  std::snprintf(buf, sizeof buf, "The tasks took %.2f s; the awaited sleeps add up to %.2f s", total, sleeps);
  return total < limit ? pass(buf) : fail(buf);
}

CheckResult no_exception(const CheckSpec&, const Query& q) {
  for (const Event& e : q.events())
    if (e.kind == EventKind::Exception)
      return fail("Uncaught " + std::string(q.trace.str(e.text)) + " in " + quoted(q.lane_name(e.lane)));
  return pass("No uncaught exception");
}

CheckResult exception(const CheckSpec& s, const Query& q) {
  std::string type = s.arg("type", "*");
  for (const Event& e : q.events()) {
    if (e.kind != EventKind::Exception) continue;
    std::string text(q.trace.str(e.text));
    if (glob_match(type, text.substr(0, text.find(':'))) && q.lane_ok(e.lane, s.arg("lane"), s.arg("lane_kind")))
      return pass("Uncaught " + text + " in " + quoted(q.lane_name(e.lane)));
  }
  return fail("No uncaught " + type + " exception");
}

CheckResult blocked(const CheckSpec& s, const Query& q) {
  std::string what = s.arg("call", "*");
  long n = 0;
  for (const Event& e : q.events())
    if (e.kind == EventKind::Block && glob_match(what, q.trace.str(e.text)) &&
        q.lane_ok(e.lane, s.arg("lane"), s.arg("lane_kind")))
      ++n;
  Bounds b = bounds(s);
  std::string seen = std::to_string(n) + " blocking call(s) " + quoted(what) + " on " + lane_filter_text(s);
  return b.ok(n) ? pass(seen) : fail("Expected " + b.text() + "; " + seen);
}

CheckResult job(const CheckSpec& s, const Query& q) {
  std::string func = s.arg("func", "*");
  long n = 0;
  for (const Event& e : q.events())
    if (e.kind == EventKind::Job && glob_match(func, q.trace.str(e.text)) &&
        q.lane_ok(e.lane, s.arg("lane"), "thread"))
      ++n;
  Bounds b = bounds(s);
  std::string seen = std::to_string(n) + " worker job(s) running " + quoted(func);
  return b.ok(n) ? pass(seen) : fail("Expected " + b.text() + "; " + seen);
}

CheckResult task_outcome(const CheckSpec& s, const Query& q) {
  std::string want = s.arg("outcome", "result");
  long n = 0;
  std::string other;
  for (const Event& e : q.events()) {
    if (e.kind != EventKind::Done || !q.lane_ok(e.lane, s.arg("task"), "task")) continue;
    std::string got = checks::outcome_name(e.sub);
    if (got == want) ++n;
    else if (other.empty()) other = q.lane_name(e.lane) + " ended with " + got;
  }
  Bounds b = bounds(s);
  std::string seen = std::to_string(n) + " task(s) " + quoted(s.arg("task", "*")) + " ended with " + want;
  if (b.ok(n)) return pass(seen);
  return fail("Expected " + b.text() + "; " + seen + (other.empty() ? "" : " (" + other + ")"));
}

CheckResult exit_clean(const CheckSpec&, const Query& q) {
  const RunInfo& info = q.trace.info();
  if (info.status == EndStatus::Finished && info.exit_code == 0) return pass("The program exited normally");
  return fail("The program did not exit cleanly (" + checks::end_status_name(info.status) + ", code " +
              std::to_string(info.exit_code) + (info.end_message.empty() ? "" : ": " + info.end_message) + ")");
}

struct KindInfo {
  const char* name;
  CheckResult (*run)(const CheckSpec&, const Query&);
  std::vector<const char*> required;  // arguments the kind cannot work without
};

const std::vector<KindInfo>& kinds() {
  static const std::vector<KindInfo> table = {
      {"no_stall", no_stall, {}},
      {"has_stall", has_stall, {}},
      {"late_timers", late_timers, {}},
      {"lane_exists", lane_exists, {}},
      {"printed_by", printed_by, {"text"}},
      {"print_count", print_count, {"text"}},
      {"print_order", print_order, {"texts"}},
      {"first_print", first_print, {"text"}},
      {"finished_before", finished_before, {"task"}},
      {"ran_before", ran_before, {"task", "before"}},
      {"awaited", awaited, {"label"}},
      {"yields", yields, {}},
      {"gen_event", gen_event, {"how"}},
      {"concurrent", concurrent, {"a", "b"}},
      {"max_overlap", max_overlap, {}},
      {"ran_during", ran_during, {"task", "during"}},
      {"interleaved", interleaved, {"a", "b"}},
      {"gen_closed_in", gen_closed_in, {"text"}},
      {"total_time_below", total_time_below, {}},
      {"no_exception", no_exception, {}},
      {"exception", exception, {"type"}},
      {"blocked", blocked, {}},
      {"job", job, {}},
      {"task_outcome", task_outcome, {"outcome"}},
      {"exit_clean", exit_clean, {}},
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
