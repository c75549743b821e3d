// The runs kept for comparing: the newest last, a few at most, a pin that follows its run (and
// goes with it), titles that say what differs.
#include <catch2/catch.hpp>

#include "workspace/run_history.h"

using namespace loopscope;

namespace {

// A finished trace told apart by its end message.
Trace trace_named(const std::string& name) {
  Trace trace;
  trace.finish(EndStatus::Finished, 0, name);
  return trace;
}

RunSetup setup(int number, const std::string& knob_value = "1") { return {number, {{"tasks", knob_value}}, false, "prog.py"}; }

}  // namespace

TEST_CASE("the history keeps the last few runs and the pin follows its run", "[history]") {
  RunHistory history;
  for (int n = 1; n <= 3; ++n) history.keep(trace_named("run" + std::to_string(n)), setup(n));
  REQUIRE(history.pin(1));
  const Trace* pinned = history.pinned_trace();
  CHECK(pinned->info().end_message == "run2");
  for (int n = 4; n <= 7; ++n) history.keep(trace_named("run" + std::to_string(n)), setup(n));
  REQUIRE(history.runs().size() == RunHistory::kKept);
  CHECK(history.runs().front().setup.number == 2);
  CHECK(history.pinned_trace() == pinned);  // the same run, one place further up
  CHECK(history.pinned_index() == 0);
  history.keep(trace_named("run8"), setup(8));
  CHECK(history.pinned_trace() == nullptr);  // the pinned run went, and the pin with it
  CHECK_FALSE(history.pin(6));
  CHECK(history.pin_last());
  CHECK(history.pinned_trace()->info().end_message == "run8");
  history.clear();
  CHECK(history.runs().empty());
  CHECK(history.pinned_trace() == nullptr);
  CHECK_FALSE(history.pin_last());
}

TEST_CASE("titles say what differs, or come with a saved run", "[history]") {
  Lesson lesson;
  Knob tasks;
  tasks.name = "tasks";
  tasks.type = Knob::Type::Int;
  lesson.knobs.push_back(tasks);
  RunHistory history;
  CHECK(history.titles(&lesson, setup(2)) == std::pair<std::string, std::string>{});
  history.keep(trace_named("a"), setup(1, "1"));
  REQUIRE(history.pin(0));
  CHECK(history.titles(&lesson, setup(2, "3")) == std::pair<std::string, std::string>{"tasks = 1", "tasks = 3"});
  CHECK(history.titles(&lesson, setup(2, "1")) == std::pair<std::string, std::string>{"run 1", "run 2"});
  CHECK(history.title_of(0, &lesson, setup(2, "3")) == "tasks = 1");
  history.pin_saved(std::make_unique<Trace>(trace_named("saved")), "before", "after");
  CHECK(history.pinned_trace()->info().end_message == "saved");
  CHECK(history.titles(&lesson, setup(2, "3")) == std::pair<std::string, std::string>{"before", "after"});
  REQUIRE(history.pin(0));  // another run pinned: titled by what differs again
  CHECK(history.titles(&lesson, setup(2, "3")).first == "tasks = 1");
  history.unpin();
  CHECK(history.titles(&lesson, setup(2, "3")) == std::pair<std::string, std::string>{});
}
