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
  CHECK(w1.size() >= 100);
  // w1 sleeps most of the run, then runs and prints at the end.
  const std::string c = cells(w1);
  CHECK(c.size() == 100 - 24 - 1);
  CHECK(c.find('-') != std::string::npos);
  CHECK(c.find_last_of("p#d") > c.find_last_of('-'));
  CHECK(w1.find(" done") != std::string::npos);
  const std::string loop = row_of(lines, "loop");
  CHECK(cells(loop).find('~') != std::string::npos);
  CHECK(row_of(lines, "Task-1 main()").find("failed: ValueError: bad") != std::string::npos);
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
  CHECK(cells(row_of(glines, "main")).find('y') != std::string::npos);
}

TEST_CASE("an empty trace still renders", "[text]") {
  Trace empty;
  CHECK(render_text_timeline(empty, 40).find("legend:") != std::string::npos);
}
