// Check kinds about the run as a whole: how it ended, exceptions, stalls and blocking calls on
// the loop, late timers, which lanes exist, and worker-thread jobs.
#include <set>

#include "core/check_kinds.h"

namespace loopscope::checks {

CheckResult exit_clean(const CheckSpec&, const Query& q) {
  const RunInfo& info = q.trace.info();
  if (info.status == EndStatus::Finished && info.exit_code == 0) return pass("The program exited normally");
  return fail("The program did not exit cleanly (" + end_status_name(info.status) + ", code " +
              std::to_string(info.exit_code) + (info.end_message.empty() ? "" : ": " + info.end_message) + ")");
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
  Bounds b = bounds(s, q);
  std::string n = std::to_string(steps.size());
  if (b.ok(static_cast<long>(steps.size()))) return pass("The loop stalled in " + n + " step(s)");
  return fail("Expected " + b.text() + " stalled step(s), saw " + n);
}

CheckResult blocked(const CheckSpec& s, const Query& q) {
  std::string what = s.arg("call", "*");
  long n = 0;
  for (const Event& e : q.events())
    if (e.kind == EventKind::Block && glob_match(what, q.trace.str(e.text)) &&
        q.lane_ok(e.lane, s.arg("lane"), s.arg("lane_kind")))
      ++n;
  Bounds b = bounds(s, q);
  std::string seen = std::to_string(n) + " blocking call(s) " + quoted(what) + " on " + lane_filter_text(s);
  return b.ok(n) ? pass(seen) : fail("Expected " + b.text() + "; " + seen);
}

CheckResult late_timers(const CheckSpec& s, const Query& q) {
  Nanos threshold = static_cast<Nanos>(to_double(s.arg("late_ms"), 20.0) * 1e6);
  long n = 0;
  for (const Event& e : q.events())
    if (e.kind == EventKind::Run && e.sub == static_cast<std::uint8_t>(WakeWhy::Timer) && e.late > threshold &&
        (!s.has("task") || q.lane_matches(e.lane, s.arg("task"))))
      ++n;
  Bounds b = bounds(s, q);
  std::string what = std::to_string(n) + " timer(s) fired more than " + s.arg("late_ms", "20") + " ms late";
  return b.ok(n) ? pass(what) : fail("Expected " + b.text() + " late timer(s); " + what);
}

CheckResult lane_exists(const CheckSpec& s, const Query& q) {
  long n = static_cast<long>(q.lanes_matching(s.arg("lane"), s.arg("lane_kind")).size());
  Bounds b = bounds(s, q);
  std::string what = std::to_string(n) + " lane(s) match " + lane_filter_text(s);
  return b.ok(n) ? pass(what) : fail("Expected " + b.text() + "; " + what);
}

namespace {

// Did `task` suspend on this job's result? A task awaiting a thread job suspends with wait
// "thread" and the job's worker lane as target (or -1 when the job had not started yet, then
// the label names the function). The suspension must fall between the job's submission (its
// start at the latest) and its end.
bool job_awaited_by(const Query& q, std::size_t job_index, const std::string& task) {
  const auto& ev = q.events();
  const Event& job = ev[job_index];
  std::string func(q.trace.str(job.text));
  std::size_t end = ev.size();
  for (std::size_t i = job_index + 1; i < ev.size(); ++i)
    if (ev[i].kind == EventKind::JobEnd && ev[i].lane == job.lane && ev[i].aux == job.aux) {
      end = i;
      break;
    }
  // The await may come just before the job starts (the submitting step suspends right after),
  // so look back to the submitting task's last run.
  std::size_t from = job_index;
  while (from > 0 && !(ev[from].kind == EventKind::Run && ev[from].lane == job.other)) --from;
  for (std::size_t i = from; i < end; ++i) {
    const Event& e = ev[i];
    if (e.kind != EventKind::Suspend || e.sub != static_cast<std::uint8_t>(WaitKind::Thread)) continue;
    if (!q.lane_ok(e.lane, task, "task")) continue;
    std::string_view label = q.trace.str(e.text);
    if (e.other == job.lane || label.find("(" + func + ")") != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

CheckResult job(const CheckSpec& s, const Query& q) {
  std::string func = s.arg("func", "*");
  std::string by = s.arg("awaited_by");
  long n = 0, not_awaited = 0;
  const auto& ev = q.events();
  for (std::size_t i = 0; i < ev.size(); ++i) {
    const Event& e = ev[i];
    if (e.kind != EventKind::Job || !glob_match(func, q.trace.str(e.text)) || !q.lane_ok(e.lane, s.arg("lane"), "thread"))
      continue;
    if (!by.empty() && !job_awaited_by(q, i, by)) {
      ++not_awaited;
      continue;
    }
    ++n;
  }
  Bounds b = bounds(s, q);
  std::string seen = std::to_string(n) + " worker job(s) running " + quoted(func) +
                     (by.empty() ? "" : " awaited by " + quoted(by));
  if (b.ok(n)) return pass(seen);
  std::string why = not_awaited ? " (" + std::to_string(not_awaited) + " ran but " + quoted(by) + " never awaited it)" : "";
  return fail("Expected " + b.text() + "; " + seen + why);
}

}  // namespace loopscope::checks
