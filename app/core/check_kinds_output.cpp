// Check kinds about printed lines: who printed what, how often, in which order, and how far
// apart in time.
#include <algorithm>
#include <cstdio>

#include "core/check_kinds.h"

namespace loopscope::checks {

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
  Bounds b = bounds(s, q);
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
  Bounds b = bounds(s, q);
  std::string what = std::to_string(n) + " line(s) matching " + quoted(pattern);
  return b.ok(n) ? pass(what) : fail("Expected " + b.text() + "; " + what);
}

CheckResult print_order(const CheckSpec& s, const Query& q) {
  const auto texts = patterns(s, "texts");
  if (texts.empty()) return fail("print_order needs texts = [...]");
  std::size_t next = 0;
  for (const Event& e : q.events()) {
    if (next == texts.size()) break;
    if (e.kind == EventKind::Print && glob_match(texts[next], q.trace.str(e.text))) ++next;
  }
  if (next == texts.size()) return pass("Printed in order: " + quoted(texts.front()) + " … " + quoted(texts.back()));
  if (next == 0) return fail("Nothing matching " + quoted(texts[0]) + " was printed");
  return fail(quoted(texts[next]) + " was not printed after " + quoted(texts[next - 1]));
}

// The stdout lines matching `among` (a pattern or a list of them; default: every line) are
// exactly `texts`, one pattern per line, in this order: nothing missing, extra or in between.
CheckResult print_sequence(const CheckSpec& s, const Query& q) {
  const auto texts = patterns(s, "texts");
  auto among = patterns(s, "among");
  if (among.empty()) among.push_back("*");
  std::vector<Event> lines;
  for (const Event& e : q.stdout_lines("*"))
    if (any_glob(among, q.trace.str(e.text))) lines.push_back(e);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i >= lines.size())
      return fail("Expected " + quoted(texts[i]) + " as line " + std::to_string(i + 1) + ", but only " +
                  std::to_string(lines.size()) + " line(s) were printed");
    std::string line(q.trace.str(lines[i].text));
    if (!glob_match(texts[i], line))
      return fail("Line " + std::to_string(i + 1) + " was " + quoted(line) + ", expected " + quoted(texts[i]));
  }
  if (lines.size() > texts.size())
    return fail("One line too many: " + quoted(std::string(q.trace.str(lines[texts.size()].text))) + " after " +
                std::to_string(texts.size()) + " expected line(s)");
  return pass("Printed exactly the " + std::to_string(texts.size()) + " expected line(s) in order");
}

// Every line matching `texts` (each pattern at least once) comes before the first line
// matching `before` (each of those printed too): "both starts before either is ready".
CheckResult printed_before(const CheckSpec& s, const Query& q) {
  const auto first = patterns(s, "texts"), then = patterns(s, "before");
  for (const auto& p : first)
    if (!q.first_print(p)) return fail(quoted(p) + " was never printed");
  for (const auto& p : then)
    if (!q.first_print(p)) return fail(quoted(p) + " was never printed");
  const FoundEvent earliest_then = q.first_matching(
      EventKind::Print, [&](const Event& e) { return any_glob(then, q.trace.str(e.text)); });
  for (const Event& e : q.events())
    if (e.kind == EventKind::Print && any_glob(first, q.trace.str(e.text)) && e.seq > earliest_then->seq)
      return fail(quoted(std::string(q.trace.str(e.text))) + " was printed after " +
                  quoted(std::string(q.trace.str(earliest_then->text))));
  return pass("Every " + quoted(first.front()) + (first.size() > 1 ? " …" : "") + " line came before " +
              quoted(std::string(q.trace.str(earliest_then->text))));
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

// The time between consecutive matching events lies within [min_ms, max_ms]: lines matching
// `text` (default), or with `on = "suspend"` the suspensions of `task` on a `label`. A rate
// limit shows as a smallest gap, a stall as a largest one. Needs at least two events.
CheckResult spacing(const CheckSpec& s, const Query& q) {
  const bool on_suspend = s.arg("on", "print") == "suspend";
  std::vector<Nanos> times;
  std::string what;
  if (on_suspend) {
    what = "suspensions on " + quoted(s.arg("label", "*"));
    for (const Event& e : q.events())
      if (e.kind == EventKind::Suspend && glob_match(s.arg("label", "*"), q.trace.str(e.text)) &&
          q.lane_ok(e.lane, s.arg("task"), "task"))
        times.push_back(e.t);
  } else {
    what = "lines " + quoted(s.arg("text", "*"));
    for (const Event& e : q.stdout_lines(s.arg("text", "*")))
      if (q.lane_ok(e.lane, s.arg("lane"), s.arg("lane_kind"))) times.push_back(e.t);
  }
  if (times.size() < 2) return fail("Expected at least two " + what + ", saw " + std::to_string(times.size()));
  Nanos smallest = times[1] - times[0], largest = smallest;
  for (std::size_t i = 2; i < times.size(); ++i) {
    smallest = std::min(smallest, times[i] - times[i - 1]);
    largest = std::max(largest, times[i] - times[i - 1]);
  }
  const double lo = to_double(s.arg("min_ms"), 0), hi = to_double(s.arg("max_ms"), -1);
  char buf[200];
  std::snprintf(buf, sizeof buf, "%zu %s, %.0f to %.0f ms apart", times.size(), what.c_str(), smallest / 1e6,
                largest / 1e6);
  if (smallest / 1e6 < lo) return fail(std::string(buf) + " (want at least " + s.arg("min_ms") + " ms)");
  if (hi >= 0 && largest / 1e6 > hi) return fail(std::string(buf) + " (want at most " + s.arg("max_ms") + " ms)");
  return pass(buf);
}

}  // namespace loopscope::checks
