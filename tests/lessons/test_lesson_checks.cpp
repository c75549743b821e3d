// Every check kind on hand-written traces: each passes where the story says so and fails
// where it does not, with a reason that names what it saw.
#include <catch2/catch.hpp>

#include "core/lesson_checks.h"
#include "lesson_trace_fixture.h"

using namespace loopscope;
using lesson_fixtures::spec;

namespace {

const Trace& story() {
  static const Trace trace = lesson_fixtures::make(lesson_fixtures::kStory);
  return trace;
}

const Trace& failure() {
  static const Trace trace = lesson_fixtures::make(lesson_fixtures::kFailure, EndStatus::Finished, 1);
  return trace;
}

bool passes(const CheckSpec& s, const Trace& t = story()) { return evaluate_check(s, t).passed; }

CheckSpec with_list(CheckSpec s, const std::string& key, std::vector<std::string> values) {
  s.lists[key] = std::move(values);
  return s;
}

}  // namespace

TEST_CASE("the fixture trace is ingested", "[checks]") {
  REQUIRE(story().events().size() >= 41);  // plus the end record finish() may add
  REQUIRE(story().lanes().size() == 6);
}

TEST_CASE("glob patterns match whole strings", "[checks]") {
  CHECK(glob_match("side*", "side tick 0"));
  CHECK(glob_match("*tick ?", "side tick 0"));
  CHECK(glob_match("sleep(0.05)", "sleep(0.05)"));
  CHECK_FALSE(glob_match("side", "side tick 0"));
  CHECK_FALSE(glob_match("tick*", "side tick 0"));
  CHECK(glob_match("*", ""));
}

TEST_CASE("unknown kinds and missing arguments are reported", "[checks]") {
  CHECK(validate_check(spec("no_such_check")) == "unknown check kind 'no_such_check'");
  CHECK(validate_check(spec("printed_by")) == "check 'printed_by' needs 'text'");
  CHECK(validate_check(spec("printed_by", {{"text", "x"}})).empty());
  CheckResult r = evaluate_check(spec("no_such_check"), story());
  CHECK_FALSE(r.passed);
  CHECK(r.reason.find("unknown") != std::string::npos);
}

TEST_CASE("stalls, blocking calls and late timers", "[checks]") {
  CHECK_FALSE(passes(spec("no_stall")));
  CHECK(evaluate_check(spec("no_stall"), story()).reason.find("line 35") != std::string::npos);
  CHECK(passes(spec("has_stall")));
  CHECK(passes(spec("has_stall", {{"count", "1"}})));
  CHECK(passes(spec("no_stall"), failure()));
  CHECK_FALSE(passes(spec("has_stall"), failure()));

  CHECK(passes(spec("blocked", {{"call", "time.sleep*"}, {"lane_kind", "loop"}})));
  CHECK_FALSE(passes(spec("blocked", {{"call", "time.sleep*"}, {"lane_kind", "thread"}})));
  CHECK_FALSE(passes(spec("blocked", {{"lane_kind", "loop"}, {"min", "0"}, {"max", "0"}})));

  // side's first timer fired 30 ms late, its second 5 ms late.
  CHECK(passes(spec("late_timers", {{"task", "side"}, {"late_ms", "20"}, {"count", "1"}})));
  CHECK(passes(spec("late_timers", {{"late_ms", "1"}, {"count", "2"}})));
  CHECK_FALSE(passes(spec("late_timers", {{"task", "main"}})));
}

TEST_CASE("lanes are found by name, coroutine and kind", "[checks]") {
  CHECK(passes(spec("lane_exists", {{"lane", "side"}, {"lane_kind", "task"}})));
  CHECK(passes(spec("lane_exists", {{"lane", "numbers"}, {"lane_kind", "gen"}})));
  CHECK(passes(spec("lane_exists", {{"lane_kind", "task"}, {"count", "2"}})));
  CHECK(passes(spec("lane_exists", {{"lane_kind", "thread"}, {"min", "1"}})));
  CHECK_FALSE(passes(spec("lane_exists", {{"lane", "side"}, {"lane_kind", "thread"}})));
  CHECK(passes(spec("lane_exists", {{"lane", "ghost"}, {"count", "0"}})));
}

TEST_CASE("prints: by lane, counts, order and the first line", "[checks]") {
  CHECK(passes(spec("printed_by", {{"text", "side tick*"}, {"lane", "side"}, {"all", "true"}})));
  CheckResult wrong = evaluate_check(spec("printed_by", {{"text", "side tick*"}, {"lane", "main"}, {"lane_kind", "task"}}), story());
  CHECK_FALSE(wrong.passed);
  CHECK(wrong.reason.find("'side'") != std::string::npos);
  CHECK_FALSE(passes(spec("printed_by", {{"text", "*"}, {"lane", "side"}, {"all", "true"}})));

  CHECK(passes(spec("print_count", {{"text", "side tick ?"}, {"count", "2"}})));
  CHECK_FALSE(passes(spec("print_count", {{"text", "side tick ?"}, {"count", "3"}})));

  CHECK(passes(with_list(spec("print_order"), "texts", {"main: start", "side tick 0", "main: got data", "main: done"})));
  CheckResult order = evaluate_check(with_list(spec("print_order"), "texts", {"main: done", "main: start"}), story());
  CHECK_FALSE(order.passed);
  CHECK(order.reason == "'main: start' was not printed after 'main: done'");

  CHECK(passes(spec("first_print", {{"text", "main: start"}})));
  CHECK_FALSE(passes(spec("first_print", {{"text", "side*"}})));
}

TEST_CASE("task order: who ran and finished first", "[checks]") {
  CHECK(passes(spec("finished_before", {{"task", "side"}, {"before", "main"}})));
  CheckResult r = evaluate_check(spec("finished_before", {{"task", "main"}, {"before", "side"}}), story());
  CHECK_FALSE(r.passed);
  CHECK(r.reason == "Task 'side' finished before task 'main'");
  CHECK(passes(spec("finished_before", {{"task", "side"}, {"before_print", "main: done"}})));
  CHECK_FALSE(passes(spec("finished_before", {{"task", "side"}, {"before_print", "after the loop"}})));
  CHECK(passes(spec("ran_before", {{"task", "main"}, {"before", "side"}})));
  CHECK_FALSE(passes(spec("ran_before", {{"task", "side"}, {"before", "main"}})));
}

TEST_CASE("awaited labels, worker jobs and outcomes", "[checks]") {
  CHECK(passes(spec("awaited", {{"task", "main"}, {"label", "to_thread(crunch)"}})));
  CHECK(passes(spec("awaited", {{"task", "side"}, {"label", "sleep*"}, {"count", "2"}})));
  CHECK_FALSE(passes(spec("awaited", {{"task", "main"}, {"label", "sleep*"}})));

  CHECK(passes(spec("job", {{"func", "crunch"}, {"count", "1"}})));
  CHECK_FALSE(passes(spec("job", {{"func", "other"}})));

  CHECK(passes(spec("task_outcome", {{"task", "side"}, {"outcome", "result"}})));
  CHECK(passes(spec("task_outcome", {{"task", "consumer"}, {"outcome", "cancelled"}, {"count", "1"}}), failure()));
  CHECK_FALSE(passes(spec("task_outcome", {{"task", "main"}, {"outcome", "result"}}), failure()));
}

TEST_CASE("generators: yields and how they ended", "[checks]") {
  CHECK(passes(with_list(spec("yields", {{"gen", "numbers"}}), "values", {"1", "2"})));
  CHECK_FALSE(passes(with_list(spec("yields", {{"gen", "numbers"}}), "values", {"1", "3"})));
  CHECK_FALSE(passes(with_list(spec("yields", {{"gen", "numbers"}}), "values", {"1"})));  // one too many
  CHECK(passes(spec("yields", {{"gen", "numbers"}, {"count", "2"}})));
  CHECK(passes(spec("gen_event", {{"gen", "numbers"}, {"how", "close"}, {"count", "1"}})));
  CHECK_FALSE(passes(spec("gen_event", {{"gen", "numbers"}, {"how", "stop"}})));
}

TEST_CASE("a generator's finally: in which task, and when", "[checks]") {
  CHECK(passes(spec("gen_closed_in", {{"text", "numbers: finally"}, {"task", "main"}, {"before", "after the loop"}})));
  CheckResult other = evaluate_check(spec("gen_closed_in", {{"text", "numbers: finally"}, {"task", "side"}}), story());
  CHECK_FALSE(other.passed);
  CHECK(other.reason == "The finally ran in 'Task-1', not in 'side'");
  CHECK_FALSE(passes(spec("gen_closed_in", {{"text", "numbers: finally"}, {"before", "got 2"}})));
  CHECK_FALSE(passes(spec("gen_closed_in", {{"text", "never printed"}})));
}

TEST_CASE("overlap in time: concurrency, turns and the loop staying free", "[checks]") {
  CHECK(passes(spec("concurrent", {{"a", "side"}, {"b", "asyncio_0"}})));
  CHECK(passes(spec("max_overlap", {{"lane_kind", "task"}, {"count", "2"}})));
  CHECK(passes(spec("max_overlap", {{"lane_kind", "thread"}, {"max", "1"}})));
  CHECK_FALSE(passes(spec("max_overlap", {{"lane_kind", "thread"}, {"min", "2"}})));
  // side ran once (the late timer) while the crunch job was on the worker.
  CHECK(passes(spec("ran_during", {{"task", "side"}, {"during", "*"}, {"during_kind", "thread"}, {"count", "2"}})));
  CHECK_FALSE(passes(spec("ran_during", {{"task", "main"}, {"during", "*"}, {"during_kind", "thread"}})));
  // prints: main, side, side, main... -> 2 turns
  CHECK(passes(spec("interleaved", {{"a", "main"}, {"b", "side"}, {"min", "2"}})));
  CHECK_FALSE(passes(spec("interleaved", {{"a", "main"}, {"b", "side"}, {"min", "3"}})));
}

TEST_CASE("total time compared with the awaited sleeps", "[checks]") {
  // The tasks took 0.29 s; side awaited 0.1 s of sleeps.
  CHECK_FALSE(passes(spec("total_time_below")));
  CHECK(passes(spec("total_time_below", {{"factor", "3"}})));
}

TEST_CASE("exceptions and a clean exit", "[checks]") {
  CHECK(passes(spec("no_exception")));
  CHECK(passes(spec("exit_clean")));
  CHECK_FALSE(passes(spec("no_exception"), failure()));
  CHECK(evaluate_check(spec("no_exception"), failure()).reason.find("ValueError") != std::string::npos);
  CHECK(passes(spec("exception", {{"type", "ValueError"}}), failure()));
  CHECK_FALSE(passes(spec("exception", {{"type", "KeyError"}}), failure()));
  CHECK_FALSE(passes(spec("exit_clean"), failure()));
}

TEST_CASE("not = true inverts a check", "[checks]") {
  CheckSpec s = spec("has_stall");
  s.negate = true;
  CheckResult r = evaluate_check(s, story());
  CHECK_FALSE(r.passed);
  CHECK(r.reason.rfind("Should not happen", 0) == 0);
  s.kind = "no_stall";
  CHECK(evaluate_check(s, story()).passed);
}

TEST_CASE("descriptions prefer the lesson's own words", "[checks]") {
  CheckSpec s = spec("printed_by", {{"text", "tick*"}});
  CHECK(describe_check(s) == "printed_by text=tick*");
  s.what = "The ticker prints";
  CHECK(describe_check(s) == "The ticker prints");
}

TEST_CASE("print_sequence: exactly these lines, nothing extra", "[checks]") {
  CHECK(passes(with_list(spec("print_sequence", {{"among", "side tick*"}}), "texts", {"side tick 0", "side tick 1"})));
  CheckResult extra = evaluate_check(with_list(spec("print_sequence", {{"among", "side tick*"}}), "texts", {"side tick 0"}), story());
  CHECK_FALSE(extra.passed);
  CHECK(extra.reason.find("'side tick 1'") != std::string::npos);
  CHECK_FALSE(passes(with_list(spec("print_sequence", {{"among", "main*"}}), "texts", {"main: start", "main: done"})));
  CHECK(passes(with_list(spec("print_sequence", {{"among", "main*"}}), "texts", {"main: start", "main: got data", "main: done"})));
}

TEST_CASE("printed_before: every line of one group before any of the other", "[checks]") {
  CheckSpec s = with_list(with_list(spec("printed_before"), "texts", {"main: start", "side tick 0"}), "before", {"got ?"});
  CHECK(passes(s));
  CHECK_FALSE(passes(with_list(with_list(spec("printed_before"), "texts", {"main: got data"}), "before", {"side tick ?"})));
  CHECK_FALSE(passes(with_list(with_list(spec("printed_before"), "texts", {"never"}), "before", {"got ?"})));
}

TEST_CASE("spacing between lines and between suspensions", "[checks]") {
  // side ticks at 90 ns and 80 ms.
  CHECK(passes(spec("spacing", {{"text", "side tick ?"}, {"min_ms", "50"}})));
  CHECK_FALSE(passes(spec("spacing", {{"text", "side tick ?"}, {"max_ms", "50"}})));
  CHECK(passes(spec("spacing", {{"on", "suspend"}, {"task", "side"}, {"label", "sleep*"}, {"min_ms", "70"}, {"max_ms", "90"}})));
  CHECK_FALSE(passes(spec("spacing", {{"text", "main: done"}})));  // one line: nothing to measure
}

TEST_CASE("woken: why and by whom a task ran", "[checks]") {
  CHECK(passes(spec("woken", {{"task", "main"}, {"why", "thread"}, {"by", "asyncio_0"}, {"count", "1"}})));
  CHECK(passes(spec("woken", {{"task", "main"}, {"why", "task"}, {"by", "side"}})));
  CHECK(passes(spec("woken", {{"task", "side"}, {"why", "timer"}, {"count", "2"}})));
  CHECK_FALSE(passes(spec("woken", {{"task", "side"}, {"why", "future"}})));
  CHECK(passes(with_list(spec("woken", {{"task", "main"}, {"count", "2"}}), "why", {"thread", "task"})));
}

TEST_CASE("a thread job awaited by the task that needs it", "[checks]") {
  CHECK(passes(spec("job", {{"func", "crunch"}, {"awaited_by", "main"}})));
  CheckResult r = evaluate_check(spec("job", {{"func", "crunch"}, {"awaited_by", "side"}}), story());
  CHECK_FALSE(r.passed);
  CHECK(r.reason.find("never awaited") != std::string::npos);
}

TEST_CASE("counts that follow the knobs, sleeps by length, outcomes before a line", "[checks]") {
  // side awaited sleep(0.05) twice; there are two "side tick" lines.
  CHECK(passes(spec("awaited", {{"task", "side"}, {"label", "sleep*"}, {"same_count_as", "side tick ?"}})));
  CHECK_FALSE(passes(spec("awaited", {{"task", "side"}, {"label", "sleep*"}, {"same_count_as", "main*"}})));
  CHECK(passes(spec("awaited", {{"label", "sleep*"}, {"min_seconds", "0.04"}, {"max_seconds", "0.06"}, {"count", "2"}})));
  CHECK(passes(spec("awaited", {{"label", "sleep*"}, {"min_seconds", "0.1"}, {"count", "0"}})));
  CHECK(passes(spec("task_outcome", {{"task", "side"}, {"outcome", "result"}, {"before_print", "main: done"}})));
  CHECK_FALSE(passes(spec("task_outcome", {{"task", "side"}, {"outcome", "result"}, {"before_print", "got 1"}})));
}

TEST_CASE("shorter_sleep compares the pauses after two lines", "[checks]") {
  CHECK_FALSE(passes(spec("shorter_sleep", {{"task", "side"}, {"after", "side tick 1"}, {"than_after", "side tick 0"}})));
  CHECK_FALSE(passes(spec("shorter_sleep", {{"task", "side"}, {"after", "never"}, {"than_after", "side tick 0"}})));
}

TEST_CASE("an iterator's items count as yields, a finally printed by the task itself does not count", "[checks]") {
  Trace gens = fixtures::make(fixtures::kGenerators);
  gens.finish(EndStatus::Finished, 0, {});
  CHECK(evaluate_check(with_list(spec("yields", {{"gen", "Lines"}}), "values", {"'a'"}), gens).passed);
  CHECK(evaluate_check(spec("yields", {{"gen", "numbers"}, {"count", "2"}}), gens).passed);
  CheckResult self = evaluate_check(spec("gen_closed_in", {{"text", "after the loop"}, {"task", "main"}}), story());
  CHECK_FALSE(self.passed);
  CHECK(self.reason.find("itself") != std::string::npos);
}
