// Check kinds about generator and iterator frames: the values they handed out, how their
// frames were left, and in which task a generator's finally ran.
#include <unordered_map>

#include "core/check_kinds.h"

namespace loopscope::checks {

namespace {

// A value handed out by a frame: a generator's yield, or an iterator's __next__/__anext__
// returning (each call of an iterator object is one item).
bool hands_out_value(const Query& q, const Event& e) {
  if (e.kind != EventKind::Leave) return false;
  if (e.sub == static_cast<std::uint8_t>(GenHow::Yield)) return true;
  return e.sub == static_cast<std::uint8_t>(GenHow::Return) && q.is_iterator(e.lane);
}

bool ends_frame(std::uint8_t how) {
  return how == static_cast<std::uint8_t>(GenHow::Close) || how == static_cast<std::uint8_t>(GenHow::Return) ||
         how == static_cast<std::uint8_t>(GenHow::Raise);
}

}  // namespace

CheckResult yields(const CheckSpec& s, const Query& q) {
  std::vector<std::string> seen;
  for (const Event& e : q.events())
    if (hands_out_value(q, e) && q.lane_ok(e.lane, s.arg("gen"), "gen")) seen.emplace_back(q.trace.str(e.text));
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
  Bounds b = bounds(s, q);
  std::string what = gen + " yielded " + std::to_string(seen.size()) + " value(s)";
  return b.ok(static_cast<long>(seen.size())) ? pass(what) : fail("Expected " + b.text() + "; " + what);
}

CheckResult gen_event(const CheckSpec& s, const Query& q) {
  std::string how = s.arg("how", "stop");
  long n = 0;
  for (const Event& e : q.events())
    if (e.kind == EventKind::Leave && gen_how_name(e.sub) == how && q.lane_ok(e.lane, s.arg("gen"), "gen")) ++n;
  Bounds b = bounds(s, q);
  std::string gen = s.has("gen") ? quoted(s.arg("gen")) : "generators";
  std::string what = gen + " left with '" + how + "' " + std::to_string(n) + " time(s)";
  return b.ok(n) ? pass(what) : fail("Expected " + b.text() + "; " + what);
}

// A generator's `finally` ran in the task: the line `text` was printed by that task from
// inside a generator frame it was driving (entered from that task, not yet left), and that
// frame then ended (closed, returned or raised) rather than yielding again. A line printed
// by the task's own code, or by the loop's clean-up task, does not count.
CheckResult gen_closed_in(const CheckSpec& s, const Query& q) {
  const std::string pattern = s.arg("text");
  const auto& ev = q.events();
  const FoundEvent line = q.first_print(pattern);
  if (!line) return fail("The generator's finally never printed " + quoted(pattern));
  const std::size_t at = line.index;
  const std::string by = q.lane_name(line->lane);
  // The consumer is a task: a bare "main" must not match the script's main lane.
  if (s.has("task") && !q.lane_ok(line->lane, s.arg("task"), s.arg("lane_kind", "task")))
    return fail("The finally ran in " + quoted(by) + ", not in " + quoted(s.arg("task")));

  // Generator frames open at the line and who drives each: the task itself, or a generator
  // frame the task drives (a pipeline stage closing the stage before it).
  std::unordered_map<LaneId, LaneId> open;        // gen lane -> driving lane
  std::unordered_map<LaneId, std::size_t> entered;  // gen lane -> its open enter record
  for (std::size_t i = 0; i < at; ++i) {
    const Event& e = ev[i];
    if (e.kind == EventKind::Enter) open[e.lane] = e.other, entered[e.lane] = i;
    if (e.kind == EventKind::Leave) open.erase(e.lane);
  }
  auto driven_by_task = [&](LaneId gen) {
    for (std::size_t hops = 0; hops <= open.size(); ++hops) {
      auto it = open.find(gen);
      if (it == open.end()) return false;
      if (it->second == line->lane) return true;
      gen = it->second;
    }
    return false;  // a cycle: not a chain of frames
  };
  LaneId frame = kNoLane;  // the innermost such frame: the one entered last
  for (const auto& [gen, driver] : open)
    if (q.lane_ok(gen, s.arg("gen"), "gen") && driven_by_task(gen) &&
        (frame == kNoLane || entered[gen] > entered[frame]))
      frame = gen;
  if (frame == kNoLane)
    return fail(quoted(std::string(q.trace.str(line->text))) + " was printed by " + quoted(by) +
                " itself, not by a generator it was closing");
  FoundEvent end;
  for (std::size_t i = at + 1; i < ev.size() && !end; ++i)
    if (ev.kind(i) == EventKind::Leave && ev.lane(i) == frame) end = {static_cast<EventIndex>(i), ev[i]};
  if (!end || !ends_frame(end->sub))
    return fail(quoted(q.lane_name(frame)) + " printed " + quoted(pattern) + " but was not closed there (it " +
                (end ? "went on to " + gen_how_name(end->sub) : "never left its frame") + ")");
  if (s.has("before")) {
    const FoundEvent after = q.first_print(s.arg("before"));
    if (!after || after->seq < end->seq)
      return fail("The finally ran after " + quoted(s.arg("before")) + " was printed");
  }
  return pass(quoted(q.lane_name(frame)) + " was closed in " + quoted(by) +
              (s.has("before") ? " before " + quoted(s.arg("before")) : ""));
}

}  // namespace loopscope::checks
