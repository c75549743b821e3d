#include "core/step_sentence.h"

namespace loopscope {

const char* event_kind_name(EventKind kind) {
  switch (kind) {
    case EventKind::Hello: return "hello";
    case EventKind::Exit: return "exit";
    case EventKind::Note: return "note";
    case EventKind::End: return "end";
    case EventKind::Lane: return "lane";
    case EventKind::Rename: return "rename";
    case EventKind::Run: return "run";
    case EventKind::Suspend: return "suspend";
    case EventKind::Done: return "done";
    case EventKind::Callback: return "callback";
    case EventKind::CallbackEnd: return "callback end";
    case EventKind::Idle: return "idle";
    case EventKind::IdleEnd: return "idle end";
    case EventKind::Stall: return "stall";
    case EventKind::Block: return "block";
    case EventKind::BlockEnd: return "block end";
    case EventKind::Job: return "job";
    case EventKind::JobEnd: return "job end";
    case EventKind::Enter: return "enter";
    case EventKind::Leave: return "leave";
    case EventKind::Print: return "print";
    case EventKind::Exception: return "exception";
    case EventKind::Warning: return "warning";
    case EventKind::Unknown: return "?";
  }
  return "?";
}

std::string step_sentence(const Trace& trace, EventIndex index, const LaneNames* names) {
  if (index == kNoEvent || index >= trace.events().size()) return {};
  const Event& e = trace.events()[index];
  const std::string lane = lane_title_or_name(trace, e.lane, names, "run");
  const std::string text(trace.str(e.text));
  const std::string at = e.line > 0 ? " at line " + std::to_string(e.line) : "";
  switch (e.kind) {
    case EventKind::Run: return lane + " runs" + at;
    case EventKind::Suspend: return lane + " suspends" + at + ": awaits " + text;
    case EventKind::Done: return lane + " is done" + at + (text.empty() ? "" : ": " + text);
    case EventKind::Print: return lane + " prints \"" + text + "\"";
    case EventKind::Block: return lane + " blocks" + at + " in " + text;
    case EventKind::BlockEnd: return lane + " returns from a blocking call";
    case EventKind::Job: return lane + " starts job " + text;
    case EventKind::JobEnd: return lane + " finishes its job";
    case EventKind::Enter: return lane + " resumes" + at;
    case EventKind::Leave: return lane + (static_cast<GenHow>(e.sub) == GenHow::Yield ? " yields " + text : " ends") + at;
    case EventKind::Callback: return "the loop runs callback " + text;
    case EventKind::Idle: return "the loop waits for I/O or timers";
    case EventKind::IdleEnd: return "the loop wakes up";
    case EventKind::Stall: return "the loop is stalled" + at + (text.empty() ? "" : " in " + text);
    case EventKind::Exception: return "uncaught " + text + at;
    case EventKind::Warning: return "warning: " + text;
    case EventKind::Lane: return lane + " appears" + at;
    case EventKind::Hello: return "the program starts";
    case EventKind::Exit: return "the program exits with code " + std::to_string(e.aux);
    case EventKind::End: return "the run ended" + (text.empty() ? std::string() : ": " + text);
    default: return std::string(event_kind_name(e.kind)) + " on " + lane + at;
  }
}

}  // namespace loopscope
