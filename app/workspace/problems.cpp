#include "workspace/problems.h"

#include <algorithm>
#include <iterator>

#include "core/python_errors.h"

namespace loopscope {
namespace {

const char* end_status_text(EndStatus status) {
  switch (status) {
    case EndStatus::Failed: return "The program failed";
    case EndStatus::Stopped: return "Stopped";
    case EndStatus::Timeout: return "Stopped: the run took longer than its time limit";
    case EndStatus::Crashed: return "The Python process crashed";
    case EndStatus::TracerError: return "The tracer could not run the program";
    default: return "";
  }
}

Problem exception_problem(const Trace& trace, const Event& e, EventIndex index, const ProgramFiles& program) {
  Problem p;
  p.title = std::string(trace.str(e.text));
  p.kind = p.title.rfind("SyntaxError", 0) == 0 || p.title.rfind("IndentationError", 0) == 0 ? Problem::Kind::SyntaxError
                                                                                                : Problem::Kind::Error;
  if (!missing_module_in(p.title).empty()) p.kind = Problem::Kind::MissingModule;
  p.detail = std::string(trace.str(e.extra));
  p.traceback = parse_traceback(p.detail, program);
  p.detail = rename_program_path(p.detail, program);
  p.title = rename_program_path(p.title, program);
  p.line = e.line;
  p.event = index;
  return p;
}

Problem warning_problem(const Trace& trace, const Event& e, EventIndex index, const ProgramFiles& program) {
  Problem p;
  p.kind = Problem::Kind::Warning;
  p.title = std::string(trace.str(e.extra));
  if (!p.title.empty()) p.title += ": ";
  p.title += std::string(trace.str(e.text));
  p.title = rename_program_path(p.title, program);
  p.line = e.line;
  p.event = index;
  return p;
}

Problem message_problem(Problem::Kind kind, std::string title, std::string detail = {}) {
  return {kind, std::move(title), std::move(detail), 0, kNoEvent, {}};
}

}  // namespace

std::vector<Problem> problems_from_trace(const Trace& trace, const ProgramFiles& program) {
  std::vector<Problem> out;
  const auto& events = trace.events();
  // Only the exceptions and warnings are decoded: this runs over the whole trace.
  events.visit_kinds(0, events.size(), {EventKind::Exception, EventKind::Warning}, [&](std::size_t index) {
    const auto i = static_cast<EventIndex>(index);
    const Event e = events[i];
    if (e.kind == EventKind::Exception) out.push_back(exception_problem(trace, e, i, program));
    else out.push_back(warning_problem(trace, e, i, program));
  });
  const RunInfo& info = trace.info();
  const char* status = end_status_text(info.status);
  if (*status && (info.status != EndStatus::Failed || out.empty() || !info.end_message.empty())) {
    Problem p = message_problem(Problem::Kind::RunFailed, status, info.end_message);
    if (info.status == EndStatus::Failed && info.exit_code != 0) p.title += " (exit code " + std::to_string(info.exit_code) + ")";
    if (info.status != EndStatus::Stopped || !p.detail.empty()) out.push_back(std::move(p));
  }
  for (const std::string& note : info.notes) out.push_back(message_problem(Problem::Kind::Note, note));
  return out;
}

std::vector<Problem> run_problems(const RunFacts& facts) {
  std::vector<Problem> out;
  if (facts.lesson) {
    const std::string hint = missing_module_hint(*facts.lesson, facts.trace);
    if (!hint.empty()) out.push_back(message_problem(Problem::Kind::MissingModule, hint));
  }
  if (!facts.start_error.empty()) out.push_back(message_problem(Problem::Kind::RunFailed, facts.start_error));
  std::vector<Problem> traced = problems_from_trace(facts.trace, facts.files);
  std::move(traced.begin(), traced.end(), std::back_inserter(out));
  // A run that ended before the runtime said much: the interpreter's own words are the clue.
  if (!facts.raw_output.empty() && facts.trace.events().size() < 3)
    out.push_back(message_problem(Problem::Kind::RunFailed, "Output of the Python process",
                                  rename_program_path(facts.raw_output, facts.files)));
  return out;
}

bool is_failure(const Problem& problem) {
  switch (problem.kind) {
    case Problem::Kind::Error:
    case Problem::Kind::SyntaxError:
    case Problem::Kind::MissingModule:
    case Problem::Kind::RunFailed: return true;
    case Problem::Kind::Warning:
    case Problem::Kind::Note: return false;
  }
  return false;
}

bool any_failure(const std::vector<Problem>& problems) { return std::any_of(problems.begin(), problems.end(), is_failure); }

const Problem* first_error_on_a_line(const std::vector<Problem>& problems) {
  for (const Problem& p : problems)
    if ((p.kind == Problem::Kind::SyntaxError || p.kind == Problem::Kind::Error) && p.line > 0) return &p;
  return nullptr;
}

}  // namespace loopscope
