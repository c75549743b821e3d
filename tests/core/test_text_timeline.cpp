#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "core/text_timeline.h"
#include "trace_fixtures.h"

using namespace loopscope;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string row_of(const std::vector<std::string>& lines, const std::string& name) {
  for (const auto& l : lines)
    if (l.rfind(name, 0) == 0) return l;
  return {};
}

// The line under a lane's row (its outcome and what it awaited), or "".
std::string detail_of(const std::vector<std::string>& lines, const std::string& name) {
  for (std::size_t i = 0; i + 1 < lines.size(); ++i)
    if (lines[i].rfind(name, 0) == 0) return lines[i + 1].rfind("    `-> ", 0) == 0 ? lines[i + 1] : "";
  return {};
}

// The time columns of a row (between the two bars).
std::string cells(const std::string& row) {
  const auto a = row.find('|');
  const auto b = row.find('|', a + 1);
  return row.substr(a + 1, b - a - 1);
}

}  // namespace

TEST_CASE("the text timeline has one row per lane telling the story", "[text]") {
  Trace trace = fixtures::make(fixtures::kTwoTasks);
  trace.finish(EndStatus::Failed, 1, {});
  const auto lines = lines_of(render_text_timeline(trace, 100));
  CHECK(lines[0].find("demo.py") == 0);
  CHECK(lines[0].find("failed") != std::string::npos);
  const std::string w1 = row_of(lines, "w1 worker()");
  REQUIRE_FALSE(w1.empty());
  CHECK(w1.size() == 100);
  // w1 sleeps most of the run, then runs and prints at the end.
  const std::string c = cells(w1);
  CHECK(c.size() == 100 - 24 - 1);
  CHECK(c.find('-') != std::string::npos);
  CHECK(c.find_last_of("p#d") > c.find_last_of('-'));
  CHECK(detail_of(lines, "w1 worker()") == "    `-> done; awaits: sleep(0.5)");
  const std::string loop = row_of(lines, "loop");
  CHECK(cells(loop).find('~') != std::string::npos);
  CHECK(detail_of(lines, "Task-1 main()") == "    `-> failed: ValueError: bad; awaits: Task w1");
  CHECK(render_text_timeline(trace, 100).find("legend:") != std::string::npos);
}

TEST_CASE("blocking, jobs and yields get their own characters", "[text]") {
  const Trace blocking = fixtures::make(fixtures::kBlockingAndThread);
  const auto lines = lines_of(render_text_timeline(blocking, 80));
  CHECK(cells(row_of(lines, "loop")).find('!') != std::string::npos);
  CHECK(cells(row_of(lines, "asyncio_0")).find('=') != std::string::npos);
  const Trace gens = fixtures::make(fixtures::kGenerators);
  const auto glines = lines_of(render_text_timeline(gens, 80));
  CHECK(cells(row_of(glines, "numbers()")).find('y') != std::string::npos);
  CHECK(cells(row_of(glines, "main")).find('y') == std::string::npos);  // values stay on the generator's row
}

TEST_CASE("an empty trace still renders", "[text]") {
  Trace empty;
  CHECK(render_text_timeline(empty, 40).find("legend:") != std::string::npos);
}

TEST_CASE("a print right before a task's end is not hidden by the done mark", "[text]") {
  Trace trace = fixtures::make(fixtures::kTwoTasks);  // w1 prints 100 ns before it is done
  const auto lines = lines_of(render_text_timeline(trace, 60));
  CHECK(cells(row_of(lines, "w1 worker()")).find('p') != std::string::npos);
}

// Two iterators of one class, two tasks awaiting the same things, and a thread that only hosts
// a loop.
constexpr std::string_view kCrowded = R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":1,"ev":"lane","lane":1,"kind":"thread","name":"loop-thread","thread":"loop-thread"}
{"seq":2,"t":2,"ev":"lane","lane":2,"kind":"loop","name":"loop"}
{"seq":3,"t":3,"ev":"lane","lane":3,"kind":"gen","name":"Countdown","obj":"iterator","parent":0,"line":9}
{"seq":4,"t":4,"ev":"lane","lane":4,"kind":"gen","name":"Countdown","obj":"iterator","parent":0,"line":9}
{"seq":5,"t":5,"ev":"lane","lane":5,"kind":"task","name":"Task-1","coro":"crawl","parent":-1,"line":3,"loop":2}
{"seq":6,"t":6,"ev":"run","lane":5,"line":4,"ready":5,"by":-1,"why":"start"}
{"seq":7,"t":7,"ev":"suspend","lane":5,"line":4,"awaiting":"Semaphore.acquire()","wait":"future","target":-1}
{"seq":8,"t":8,"ev":"run","lane":5,"line":4,"ready":7,"by":-1,"why":"future"}
{"seq":9,"t":9,"ev":"suspend","lane":5,"line":5,"awaiting":"sleep(0.1)","wait":"sleep","target":-1,"due":100}
{"seq":10,"t":100,"ev":"run","lane":5,"line":5,"ready":100,"by":-1,"why":"timer"}
{"seq":11,"t":101,"ev":"suspend","lane":5,"line":5,"awaiting":"sleep(0.1)","wait":"sleep","target":-1,"due":200}
{"seq":12,"t":200,"ev":"run","lane":5,"line":5,"ready":200,"by":-1,"why":"timer"}
{"seq":13,"t":201,"ev":"done","lane":5,"outcome":"result","detail":"None","line":6}
)J";

TEST_CASE("rows say what tasks await, tell same-named lanes apart and skip bare loop threads", "[text]") {
  Trace trace = fixtures::make(kCrowded);
  const std::string text = render_text_timeline(trace, 50);
  const auto lines = lines_of(text);
  CHECK(detail_of(lines, "Task-1") == "    `-> done; awaits: sleep(0.1) x2, Semaphore.ac~");  // 50 columns
  CHECK(detail_of(lines_of(render_text_timeline(trace, 90)), "Task-1") ==
        "    `-> done; awaits: sleep(0.1) x2, Semaphore.acquire()");
  CHECK_FALSE(row_of(lines, "Countdown#1").empty());
  CHECK_FALSE(row_of(lines, "Countdown#2").empty());
  CHECK(row_of(lines, "loop-thread").empty());
  CHECK(row_of(lines, "main").empty());  // nothing of its own: it only hosts the loop
  CHECK_FALSE(row_of(lines, "loop").empty());
}

TEST_CASE("every line of the text timeline fits the width", "[text]") {
  Trace failed = fixtures::make(fixtures::kTwoTasks);
  failed.finish(EndStatus::Failed, 1, "the script raised ValueError: bad, a long message to cut");
  Trace crowded = fixtures::make(kCrowded);
  for (const Trace* trace : {&failed, &crowded}) {
    for (int width : {40, 60, 100}) {
      for (const auto& line : lines_of(render_text_timeline(*trace, width))) {
        INFO(line);
        CHECK(line.size() <= static_cast<std::size_t>(width));
      }
    }
  }
}
