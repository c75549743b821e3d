// End-to-end: real scripts through the loopscope binary and the real runtime, checked on the
// structure of the Chrome trace they produce (docs/trace-format.md, "Chrome trace export").
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../core/chrome_checks.h"

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kBinary = LOOPSCOPE_BIN;
const std::string kE2e = LOOPSCOPE_E2E_SCRIPTS;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Run {
  int status = -1;
  std::string out, err;
  fs::path dir;
};

// Runs a shell command line in a fresh directory; stdout/stderr are captured.
Run shell(const std::string& command_line) {
  Run run;
  char pattern[] = "/tmp/loopscope-e2e-XXXXXX";
  run.dir = ::mkdtemp(pattern);
  const std::string cmd = "cd '" + run.dir.string() + "' && " + command_line + " > out.txt 2> err.txt";
  const int raw = std::system(cmd.c_str());
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.out = slurp(run.dir / "out.txt");
  run.err = slurp(run.dir / "err.txt");
  return run;
}

Run trace(const std::string& script, const std::string& extra = "") {
  return shell(kBinary + " trace '" + kE2e + "/" + script + "' -o trace.json --python /usr/bin/python3 " + extra);
}

json chrome(const Run& run) { return json::parse(slurp(run.dir / "trace.json")); }

std::string kind_of(const json& trace, long tid) {
  const auto lanes = chrome_checks::lanes(trace);
  const auto it = lanes.find(tid);
  return it == lanes.end() ? std::string() : it->second.at("kind").get<std::string>();
}

}  // namespace

TEST_CASE("a gather of named tasks: lanes, steps, suspensions and prints", "[e2e]") {
  const Run run = trace("gather_prints.py");
  REQUIRE(run.status == 0);
  CHECK(run.out == "w1 start\nw2 start\nw2 done\nw1 done\n['w1', 'w2']\n");
  const json t = chrome(run);
  std::map<std::string, int> kinds;
  for (const auto& [tid, args] : chrome_checks::lanes(t)) ++kinds[args.at("kind")];
  CHECK(kinds["main"] == 1);
  CHECK(kinds["loop"] == 1);
  CHECK(kinds["task"] == 3);
  const long w1 = chrome_checks::tid_named(t, "w1");
  const long main_task = chrome_checks::tid_named(t, "Task-1");
  REQUIRE(w1 >= 0);
  REQUIRE(main_task >= 0);
  CHECK(kind_of(t, w1) == "task");
  bool w1_step = false, w1_sleep = false;
  for (const auto& e : chrome_checks::events(t, "X", "cat", "step"))
    if (e["tid"] == w1) w1_step = e["name"] == "worker";
  for (const auto& e : chrome_checks::events(t, "X", "cat", "suspended"))
    if (e["tid"] == w1 && e["name"] == "sleep(0.02)") w1_sleep = true;
  CHECK(w1_step);
  CHECK(w1_sleep);
  std::map<std::string, long> printed_on;
  for (const auto& e : chrome_checks::events(t, "i", "name", "print"))
    printed_on[e["args"]["text"].get<std::string>()] = e["tid"].get<long>();
  CHECK(printed_on["w1 start"] == w1);
  CHECK(printed_on["['w1', 'w2']"] == main_task);
  CHECK(chrome_checks::overlap_problem(t).empty());
}

TEST_CASE("time.sleep in a task shows as blocking on the loop lane", "[e2e]") {
  const Run run = trace("blocking.py");
  REQUIRE(run.status == 0);
  const json t = chrome(run);
  const auto blocking = chrome_checks::events(t, "X", "cat", "blocking");
  REQUIRE_FALSE(blocking.empty());
  CHECK(kind_of(t, blocking[0]["tid"]) == "loop");
  CHECK(blocking[0]["name"].get<std::string>().find("time.sleep(0.1)") != std::string::npos);
  CHECK(chrome_checks::overlap_problem(t).empty());
}

TEST_CASE("to_thread runs its function on a thread lane", "[e2e]") {
  const Run run = trace("to_thread.py");
  REQUIRE(run.status == 0);
  CHECK(run.out == "result 42\n");
  const json t = chrome(run);
  const auto jobs = chrome_checks::events(t, "X", "cat", "thread");
  REQUIRE(jobs.size() == 1);
  CHECK(jobs[0]["name"] == "crunch");
  CHECK(kind_of(t, jobs[0]["tid"]) == "thread");
  bool awaited = false;
  for (const auto& e : chrome_checks::events(t, "X", "cat", "suspended"))
    awaited = awaited || e["name"].get<std::string>().find("to_thread") != std::string::npos;
  CHECK(awaited);
  CHECK(chrome_checks::overlap_problem(t).empty());
}

TEST_CASE("generator yields are instants with value and line on the generator's own track", "[e2e]") {
  const Run run = trace("generator.py");
  REQUIRE(run.status == 0);
  const json t = chrome(run);
  const auto yields = chrome_checks::events(t, "i", "name", "yield");
  REQUIRE(yields.size() == 3);
  const long gen_lane = chrome_checks::tid_named(t, "numbers");
  CHECK(kind_of(t, gen_lane) == "generator");
  std::vector<std::string> values;
  for (const auto& y : yields) {
    CHECK(y["tid"] == gen_lane);
    CHECK(y["args"]["line"] == 3);
    values.push_back(y["args"]["value"]);
  }
  CHECK(values == std::vector<std::string>{"0", "10", "20"});
}

TEST_CASE("output passes through unchanged and the script's exit status is ours", "[e2e]") {
  const Run traced = trace("exit_status.py", "-- one two");
  const Run plain = shell("/usr/bin/python3 '" + kE2e + "/exit_status.py' one two");
  CHECK(traced.status == 3);
  CHECK(plain.status == 3);
  CHECK(traced.out == plain.out);
  CHECK(traced.err == plain.err);
  CHECK(traced.out.find("args ['one', 'two']") != std::string::npos);
}

TEST_CASE("an uncaught exception: its traceback on stderr, status 1, the trace written", "[e2e]") {
  const Run run = trace("raises.py");
  CHECK(run.status == 1);
  CHECK(run.err.find("RuntimeError: boom") != std::string::npos);
  const json t = chrome(run);
  std::vector<std::string> stdout_lines;
  for (const auto& e : chrome_checks::events(t, "i", "name", "print"))
    if (e["args"]["stream"] == "stdout") stdout_lines.push_back(e["args"]["text"]);
  CHECK(stdout_lines == std::vector<std::string>{"before the error"});
  CHECK(chrome_checks::events(t, "i", "name", "exception").size() == 1);
}

TEST_CASE("the text timeline goes to stderr and a saved trace reloads", "[e2e]") {
  const Run run = trace("gather_prints.py", "--text --jsonl events.jsonl");
  REQUIRE(run.status == 0);
  CHECK(run.err.find("w1 worker()") != std::string::npos);
  CHECK(run.err.find("legend:") != std::string::npos);
  CHECK(run.out.find("legend:") == std::string::npos);  // stdout stays the script's
  const json original = chrome(run);
  for (const char* saved : {"trace.json", "events.jsonl"}) {
    const Run again = shell(kBinary + " trace --load '" + (run.dir / saved).string() + "' -o trace.json --text");
    CHECK(again.status == 0);
    CHECK(again.err.find("w1 worker()") != std::string::npos);
    CHECK(chrome(again).at("traceEvents").size() == original.at("traceEvents").size());
  }
}

TEST_CASE("a missing interpreter or a foreign file is a clear failure", "[e2e]") {
  const Run missing = shell(kBinary + " trace '" + kE2e + "/generator.py' --python /nonexistent/python3");
  CHECK(missing.status == 70);
  CHECK(missing.err.find("Python not found at /nonexistent/python3: install python3 or pass --python") !=
        std::string::npos);
  const Run foreign = shell("echo '{\"traceEvents\":[]}' > foreign.json && " + kBinary + " trace --load foreign.json");
  CHECK(foreign.status == 1);
  CHECK(foreign.err.find("not saved by loopscope") != std::string::npos);
}

TEST_CASE("Ctrl-C reaches the script as KeyboardInterrupt and leaves no process behind", "[e2e]") {
  const std::string script = kE2e + "/interrupted.py";
  const Run run = shell("(" + kBinary + " trace '" + script + "' -o trace.json > inner.txt 2> inner_err.txt & pid=$!; " +
                        "until grep -q waiting inner.txt; do sleep 0.05; done; kill -INT $pid; wait $pid; echo status=$?; " +
                        "pgrep -f '[l]oopscope_runtime.py.*interrupted.py' || echo none-left)");
  CHECK(run.out.find("status=130") != std::string::npos);
  CHECK(run.out.find("none-left") != std::string::npos);
  CHECK(slurp(run.dir / "inner.txt") == "waiting\ninterrupted\n");
  CHECK(slurp(run.dir / "inner_err.txt").find("KeyboardInterrupt") != std::string::npos);
  const json t = chrome(run);
  CHECK(chrome_checks::embedded_records(t).back().at("status") == "stopped");
}

TEST_CASE("a script that dies of Ctrl-C ends loopscope by SIGINT too, after the outputs", "[e2e]") {
  // Python reports the way its child ended: a negative return code is the signal.
  const Run run = shell("/usr/bin/python3 -c 'import subprocess, sys; print(\"rc\", subprocess.run(sys.argv[1:]).returncode)' " +
                        kBinary + " trace '" + kE2e + "/sigint_self.py' -o trace.json --python /usr/bin/python3");
  CHECK(run.out == "before\nrc -2\n");
  const json t = chrome(run);
  CHECK(chrome_checks::embedded_records(t).back().at("signal") == 2);
}

namespace {

std::vector<std::string> printed_texts(const json& trace) {
  std::vector<std::string> out;
  for (const auto& e : trace.at("traceEvents"))
    if (e.value("ph", "") == "i" && e.value("name", "") == "print") out.push_back(e.at("args").at("text"));
  return out;
}

}  // namespace

TEST_CASE("a flushed print before a segfault is in the trace", "[e2e]") {
  const Run run = trace("segfault.py");
  CHECK(run.status == 128 + 11);
  CHECK(run.out == "before the crash\n");
  CHECK(run.err.find("killed by signal 11") != std::string::npos);
  CHECK(printed_texts(chrome(run)) == std::vector<std::string>{"before the crash"});
}

TEST_CASE("a 50,000-line flood is 50,000 print events", "[e2e]") {
  const Run run = trace("print_50k.py");
  CHECK(run.status == 0);
  const auto texts = printed_texts(chrome(run));
  REQUIRE(texts.size() == 50'000);
  CHECK(texts.front() == "line 0");
  CHECK(texts.back() == "line 49999");
  CHECK(run.err.empty());
}

TEST_CASE("hitting the event budget is said on stderr and in the trace, the end is kept", "[e2e]") {
  const Run run = trace("print_50k.py", "--max-events 1000 --jsonl events.jsonl");
  CHECK(run.status == 0);
  CHECK(run.err.find("loopscope: the trace reached its budget of 1000 events;") == 0);
  CHECK(run.err.find("later events were not recorded") != std::string::npos);
  std::istringstream lines(slurp(run.dir / "events.jsonl"));
  std::string line, last_ev;
  bool budget_note = false;
  for (long seq = 0; std::getline(lines, line); ++seq) {
    const json record = json::parse(line);
    CHECK(record.at("seq") == seq);
    if (record.at("ev") == "note" && record.value("text", "").find("reached its budget of 1,000 records") != std::string::npos)
      budget_note = true;
    last_ev = record.at("ev");
  }
  CHECK(budget_note);
  CHECK(last_ev == "end");  // after the runtime's exit record, kept past the budget
}
