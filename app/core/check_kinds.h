// What the check kinds share (internal to the lesson_checks / check_kinds_*.cpp files): results,
// count bounds, argument parsing, and one declaration per kind. Each check_kinds_<theme>.cpp
// holds the kinds of one theme; lesson_checks.cpp holds the table that names them.
#pragma once

#include <string>
#include <vector>

#include "core/lesson_checks.h"
#include "core/lesson_trace_query.h"

namespace loopscope::checks {

inline CheckResult pass(std::string reason) { return {true, std::move(reason)}; }
inline CheckResult fail(std::string reason) { return {false, std::move(reason)}; }
inline std::string quoted(const std::string& s) { return "'" + s + "'"; }

long to_long(const std::string& s, long fallback);
double to_double(const std::string& s, double fallback);

// Count bounds shared by many kinds: `min` (default `min_default`), `max`, `count` (exact), or
// `same_count_as = "pattern"`: exactly as many as the stdout lines matching the pattern (a
// count that follows the knobs: "once per page" is the number of "fetching page *" lines).
struct Bounds {
  long min = 1;
  long max = -1;  // -1: no upper bound
  std::string like;  // same_count_as pattern, for the reason text
  bool ok(long n) const { return n >= min && (max < 0 || n <= max); }
  std::string text() const;
};
Bounds bounds(const CheckSpec& s, const Query& q, long min_default = 1);

// "any lane", "'side' (task lane)", "the thread lane(s)".
std::string lane_filter_text(const CheckSpec& s, const char* key = "lane");
// The patterns of a list argument, or of a scalar one as a list of one; empty when absent.
std::vector<std::string> patterns(const CheckSpec& s, const std::string& key);
bool any_glob(const std::vector<std::string>& patterns, std::string_view text);

using KindFn = CheckResult (*)(const CheckSpec&, const Query&);

// check_kinds_run.cpp: how the run went, the loop, threads.
CheckResult exit_clean(const CheckSpec&, const Query&);
CheckResult no_exception(const CheckSpec&, const Query&);
CheckResult exception(const CheckSpec&, const Query&);
CheckResult no_stall(const CheckSpec&, const Query&);
CheckResult has_stall(const CheckSpec&, const Query&);
CheckResult blocked(const CheckSpec&, const Query&);
CheckResult late_timers(const CheckSpec&, const Query&);
CheckResult lane_exists(const CheckSpec&, const Query&);
CheckResult job(const CheckSpec&, const Query&);

// check_kinds_output.cpp: printed lines.
CheckResult printed_by(const CheckSpec&, const Query&);
CheckResult print_count(const CheckSpec&, const Query&);
CheckResult print_order(const CheckSpec&, const Query&);
CheckResult print_sequence(const CheckSpec&, const Query&);
CheckResult printed_before(const CheckSpec&, const Query&);
CheckResult first_print(const CheckSpec&, const Query&);
CheckResult spacing(const CheckSpec&, const Query&);

// check_kinds_tasks.cpp: tasks, what they awaited, who woke them, overlap in time.
CheckResult finished_before(const CheckSpec&, const Query&);
CheckResult ran_before(const CheckSpec&, const Query&);
CheckResult awaited(const CheckSpec&, const Query&);
CheckResult shorter_sleep(const CheckSpec&, const Query&);
CheckResult woken(const CheckSpec&, const Query&);
CheckResult task_outcome(const CheckSpec&, const Query&);
CheckResult concurrent(const CheckSpec&, const Query&);
CheckResult max_overlap(const CheckSpec&, const Query&);
CheckResult ran_during(const CheckSpec&, const Query&);
CheckResult interleaved(const CheckSpec&, const Query&);
CheckResult total_time_below(const CheckSpec&, const Query&);

// check_kinds_generators.cpp: generator and iterator frames.
CheckResult yields(const CheckSpec&, const Query&);
CheckResult gen_event(const CheckSpec&, const Query&);
CheckResult gen_closed_in(const CheckSpec&, const Query&);

}  // namespace loopscope::checks
