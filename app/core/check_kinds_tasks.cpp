// Check kinds about tasks: which ran or finished first, what they awaited, who woke them, how
// they ended, and how their busy times overlapped.
#include <algorithm>
#include <cstdio>

#include "core/check_kinds.h"

namespace loopscope::checks {

CheckResult finished_before(const CheckSpec& s, const Query& q) {
  std::string a = s.arg("task");
  const FoundEvent done_a = q.first_done(a);
  if (!done_a) return fail("Task " + quoted(a) + " never finished");
  if (s.has("before")) {
    std::string b = s.arg("before");
    const FoundEvent done_b = q.first_done(b);
    if (done_b && done_b->seq < done_a->seq)
      return fail("Task " + quoted(b) + " finished before task " + quoted(a));
    return pass("Task " + quoted(a) + " finished before task " + quoted(b));
  }
  std::string pattern = s.arg("before_print", "*");
  const FoundEvent line = q.first_print(pattern);
  if (line && line->seq < done_a->seq)
    return fail("Task " + quoted(a) + " finished after " + quoted(std::string(q.trace.str(line->text))) +
                " was printed");
  return pass("Task " + quoted(a) + " finished before " + quoted(pattern) + " was printed");
}

CheckResult ran_before(const CheckSpec& s, const Query& q) {
  std::string a = s.arg("task"), b = s.arg("before");
  const FoundEvent run_a = q.first_run(a);
  const FoundEvent run_b = q.first_run(b);
  if (!run_a) return fail("Task " + quoted(a) + " never ran");
  if (run_b && run_b->seq < run_a->seq) return fail("Task " + quoted(b) + " ran before task " + quoted(a));
  return pass("Task " + quoted(a) + " ran before task " + quoted(b));
}

// How often tasks suspended on a matching label. For sleeps, `min_seconds`/`max_seconds`
// keep only the sleeps of that length (a limiter's pauses, not the calls' own sleeps).
CheckResult awaited(const CheckSpec& s, const Query& q) {
  std::string label = s.arg("label", "*");
  const double lo = to_double(s.arg("min_seconds"), -1), hi = to_double(s.arg("max_seconds"), -1);
  const bool by_length = lo >= 0 || hi >= 0;
  long n = 0;
  for (const Event& e : q.events()) {
    if (e.kind != EventKind::Suspend || !glob_match(label, q.trace.str(e.text)) || !q.lane_ok(e.lane, s.arg("task"), "task"))
      continue;
    if (by_length) {
      double seconds = sleep_seconds(q.trace.str(e.text));
      if ((lo >= 0 && seconds < lo) || (hi >= 0 && seconds > hi)) continue;
    }
    ++n;
  }
  Bounds b = bounds(s, q);
  std::string who = s.has("task") ? "Task " + quoted(s.arg("task")) : "Tasks";
  std::string length;
  if (by_length) length = " lasting " + s.arg("min_seconds", "0") + " to " + s.arg("max_seconds", "any") + " s";
  std::string what = who + " awaited " + quoted(label) + length + " " + std::to_string(n) + " time(s)";
  return b.ok(n) ? pass(what) : fail("Expected " + b.text() + "; " + what);
}

namespace {

// The seconds of the first sleep `task` awaited after the first line matching `after`;
// negative when there is no such line or sleep.
double first_sleep_after(const Query& q, const std::string& task, const std::string& after) {
  const FoundEvent line = q.first_print(after);
  if (!line) return -1;
  for (const Event& e : q.events())
    if (e.seq > line->seq && e.kind == EventKind::Suspend && q.lane_ok(e.lane, task, "task") &&
        q.trace.str(e.text).substr(0, 6) == "sleep(")
      return sleep_seconds(q.trace.str(e.text));
  return -1;
}

}  // namespace

// The first sleep after line `after` is shorter, by at least `by` seconds (default 0.02), than
// the first sleep after line `than_after`: a pause that shrank after a slow call, whatever the
// interval the knobs chose.
CheckResult shorter_sleep(const CheckSpec& s, const Query& q) {
  const std::string task = s.arg("task");
  const double a = first_sleep_after(q, task, s.arg("after"));
  const double b = first_sleep_after(q, task, s.arg("than_after"));
  if (a < 0) return fail("No sleep after " + quoted(s.arg("after")));
  if (b < 0) return fail("No sleep after " + quoted(s.arg("than_after")));
  const double by = to_double(s.arg("by"), 0.02);
  char buf[200];
  std::snprintf(buf, sizeof buf, "The sleep after '%s' lasted %.3g s, the one after '%s' %.3g s", s.arg("after").c_str(), a,
                s.arg("than_after").c_str(), b);
  return a <= b - by ? pass(buf) : fail(buf);
}

// How often matching tasks were woken for a reason (`why`: start, timer, future, task,
// thread, soon, cancel, io, other) by a matching lane (`by`, `by_kind`); a list of `why` or
// of `by` patterns means any of them. "Woken by the consumer's task_done" is why = "future", by = "consumer".
CheckResult woken(const CheckSpec& s, const Query& q) {
  const auto whys = patterns(s, "why");
  const auto bys = patterns(s, "by");
  const std::string by = bys.empty() ? std::string() : bys.front(), by_kind = s.arg("by_kind");
  auto waker_ok = [&](LaneId waker) {
    if (bys.empty() && by_kind.empty()) return true;
    if (waker < 0) return false;
    if (bys.empty()) return q.lane_ok(waker, "", by_kind);
    return std::any_of(bys.begin(), bys.end(), [&](const std::string& p) { return q.lane_ok(waker, p, by_kind); });
  };
  long n = 0;
  std::string other;  // the first wake of a matching task that did not count, for the reason
  for (const Event& e : q.events()) {
    if (e.kind != EventKind::Run || !q.lane_ok(e.lane, s.arg("task"), "task")) continue;
    const std::string why = why_name(e.sub);
    const bool why_ok = whys.empty() || any_glob(whys, why);
    if (why_ok && waker_ok(e.other)) {
      ++n;
    } else if (other.empty() && why != "start") {
      other = q.lane_name(e.lane) + " woke by " + why + (e.other >= 0 ? " from " + q.lane_name(e.other) : "");
    }
  }
  Bounds b = bounds(s, q);
  std::string what = "Task " + quoted(s.arg("task")) + " was woken " + std::to_string(n) + " time(s)" +
                     (whys.empty() ? "" : " by a " + whys.front()) + (by.empty() ? "" : " from " + quoted(by));
  if (b.ok(n)) return pass(what);
  return fail("Expected " + b.text() + "; " + what + (other.empty() ? "" : " (" + other + ")"));
}

// How many matching tasks ended with `outcome`; with `before_print`, only those that ended
// before that line was printed (cancelled by the program, not by asyncio.run's clean-up).
CheckResult task_outcome(const CheckSpec& s, const Query& q) {
  std::string want = s.arg("outcome", "result");
  FoundEvent limit;
  if (s.has("before_print")) {
    limit = q.first_print(s.arg("before_print"));
    if (!limit) return fail(quoted(s.arg("before_print")) + " was never printed");
  }
  long n = 0, late = 0;
  std::string other;
  for (const Event& e : q.events()) {
    if (e.kind != EventKind::Done || !q.lane_ok(e.lane, s.arg("task"), "task")) continue;
    std::string got = outcome_name(e.sub);
    if (got != want) {
      if (other.empty()) other = q.lane_name(e.lane) + " ended with " + got;
    } else if (limit && e.seq > limit->seq) {
      ++late;
    } else {
      ++n;
    }
  }
  Bounds b = bounds(s, q);
  std::string seen = std::to_string(n) + " task(s) " + quoted(s.arg("task", "*")) + " ended with " + want +
                     (limit ? " before " + quoted(s.arg("before_print")) : "");
  if (b.ok(n)) return pass(seen);
  if (late) other = std::to_string(late) + " more only after it";
  return fail("Expected " + b.text() + "; " + seen + (other.empty() ? "" : " (" + other + ")"));
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
  Bounds b = bounds(s, q);
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
  Bounds b = bounds(s, q);
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
  Bounds bnd = bounds(s, q, 3);
  std::string what = quoted(a) + " and " + quoted(b) + " took turns " + std::to_string(switches) + " time(s) (" +
                     (on_prints ? "prints" : "steps") + ")";
  return bnd.ok(switches) ? pass(what) : fail("Expected " + bnd.text() + " turns; " + what);
}

CheckResult total_time_below(const CheckSpec& s, const Query& q) {
  double sleeps = 0;  // the sum of the awaited sleep(x) labels, in seconds
  for (const Event& e : q.events())
    if (e.kind == EventKind::Suspend && q.lane_ok(e.lane, s.arg("task"), "task"))
      sleeps += sleep_seconds(q.trace.str(e.text));
  Nanos from = 0, to = 0;
  if (!q.task_span(from, to)) return fail("No task ran");
  double total = static_cast<double>(to - from) / 1e9;
  double limit = sleeps * to_double(s.arg("factor"), 1.0);
  char buf[160];
  std::snprintf(buf, sizeof buf, "The tasks took %.2f s; the awaited sleeps add up to %.2f s", total, sleeps);
  return total < limit ? pass(buf) : fail(buf);
}

}  // namespace loopscope::checks
