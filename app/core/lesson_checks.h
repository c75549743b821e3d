// A small declarative check language evaluated on a finished Trace: what a lesson promises
// about its own run (`expect`), what an exercise's solution must show, and how the right
// answer of a predict-first question is derived. Checks look at behaviour and structure
// (which lane printed, in which order, which spans overlapped), never at the source text.
// The kinds and their arguments are documented in docs/lesson-format.md.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/trace_model.h"

namespace loopscope {

// One check as written in lesson.toml, e.g.
//   { kind = "printed_by", text = "tick*", lane = "side" }
// Scalar arguments are kept as text (numbers and booleans too); list arguments apart.
struct CheckSpec {
  std::string kind;                                          // "printed_by", "no_stall", ...
  std::string what;                                          // optional human summary from the toml
  std::map<std::string, std::string> args;                   // scalar arguments
  std::map<std::string, std::vector<std::string>> lists;     // list arguments (texts, values)
  bool negate = false;                                       // `not = true`: passes when the check fails
  int line = 0;                                              // line in lesson.toml (for messages)

  std::string arg(const std::string& key, const std::string& fallback = {}) const;
  bool has(const std::string& key) const { return args.count(key) != 0 || lists.count(key) != 0; }
};

struct CheckResult {
  bool passed = false;
  std::string reason;  // one line for humans: "Task 'side' finished after the crunch ended"
};

// The check kinds this build understands, for validation and documentation.
const std::vector<std::string>& check_kinds();
// Empty when `spec` names a known kind with the arguments it needs; else what is wrong.
std::string validate_check(const CheckSpec& spec);
// A short description of the check for the lesson panel: its `what`, else generated
// from the kind and arguments ("'tick*' printed by side").
std::string describe_check(const CheckSpec& spec);

CheckResult evaluate_check(const CheckSpec& spec, const Trace& trace);
std::vector<CheckResult> evaluate_checks(const std::vector<CheckSpec>& specs, const Trace& trace);
bool all_passed(const std::vector<CheckResult>& results);

// Glob match of a whole string: `*` any run of characters, `?` one character.
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace loopscope
