#include <catch2/catch.hpp>

#include <cstdio>
#include <sstream>
#include <string>

#include "chrome_checks.h"
#include "core/chrome_export.h"
#include "core/json_text.h"
#include "core/trace_io.h"
#include "trace_fixtures.h"

using namespace loopscope;
using nlohmann::json;

namespace {

std::string to_text(const Trace& trace, bool chrome) {
  char* buffer = nullptr;
  std::size_t size = 0;
  std::FILE* f = open_memstream(&buffer, &size);
  if (chrome) write_chrome_trace(trace, f);
  else write_jsonl(trace, f);
  std::fclose(f);
  std::string text(buffer, size);
  std::free(buffer);
  return text;
}

json chrome_of(std::string_view stream) { return json::parse(to_text(fixtures::make(stream), true)); }

// `text` loaded into `loaded`; the load must succeed without a word.
void load_cleanly(const std::string& text, bool chrome, Trace& loaded) {
  std::string error;
  const bool ok = load_trace_text(text, chrome, loaded, &error);
  INFO(error);
  REQUIRE(ok);
  CHECK(error.empty());
}

}  // namespace

TEST_CASE("every main, loop, task and thread lane gets thread_name metadata with its kind", "[export]") {
  const json trace = chrome_of(fixtures::kBlockingAndThread);
  const auto lanes = chrome_checks::lanes(trace);
  std::vector<std::string> kinds;
  for (const auto& [tid, args] : lanes) kinds.push_back(args.at("kind"));
  CHECK(kinds == std::vector<std::string>{"main", "loop", "task", "thread"});
  CHECK(chrome_checks::tid_named(trace, "Task-1 main()") >= 0);
  CHECK(trace.at("displayTimeUnit") == "ms");
  CHECK(trace.at("loopscope").at("version") == 2);
}

TEST_CASE("steps, suspensions and prints land on the task's lane with their args", "[export]") {
  const json trace = chrome_of(fixtures::kTwoTasks);
  const long w1 = chrome_checks::tid_named(trace, "w1");
  REQUIRE(w1 >= 0);
  const auto steps = chrome_checks::events(trace, "X", "cat", "step");
  CHECK(std::count_if(steps.begin(), steps.end(), [&](const json& e) { return e["tid"] == w1; }) == 2);
  for (const auto& e : steps)
    if (e["tid"] == w1) CHECK(e["name"] == "worker");
  const auto suspended = chrome_checks::events(trace, "X", "cat", "suspended");
  const auto sleep = std::find_if(suspended.begin(), suspended.end(), [&](const json& e) { return e["tid"] == w1; });
  REQUIRE(sleep != suspended.end());
  CHECK((*sleep)["name"] == "sleep(0.5)");
  CHECK((*sleep)["args"]["awaiting"] == "sleep(0.5)");  // the convention other tools read (ARCHITECTURE.md)
  CHECK((*sleep)["ts"].get<double>() == Approx(0.09));
  // Until the timer woke it at 3 ms (it fired 0.4 ms late, but the loop sat idle: jitter).
  CHECK((*sleep)["dur"].get<double>() == Approx(3000000 / 1000.0 - 0.09));
  const auto prints = chrome_checks::events(trace, "i", "name", "print");
  REQUIRE(prints.size() == 2);
  CHECK(prints[1]["tid"] == w1);
  CHECK(prints[1]["args"]["text"] == "w1 done");
  CHECK(prints[1]["args"]["stream"] == "stderr");
  const auto ready = chrome_checks::events(trace, "X", "cat", "ready");
  CHECK(ready.size() >= 3);
  for (const auto& e : ready) CHECK(e["name"] == "ready");  // nothing starved them
  CHECK(chrome_checks::events(trace, "X", "cat", "idle").size() == 1);
  CHECK(chrome_checks::overlap_problem(trace).empty());
}

TEST_CASE("blocking on the loop lane and jobs on the thread lane", "[export]") {
  const json trace = chrome_of(fixtures::kBlockingAndThread);
  const long loop = chrome_checks::tid_named(trace, "loop");
  const long worker = chrome_checks::tid_named(trace, "asyncio_0");
  const auto blocking = chrome_checks::events(trace, "X", "cat", "blocking");
  REQUIRE(blocking.size() == 1);  // the copy on the task lane is not exported twice
  CHECK(blocking[0]["tid"] == loop);
  CHECK(blocking[0]["name"] == "time.sleep(0.2)");
  const auto jobs = chrome_checks::events(trace, "X", "cat", "thread");
  REQUIRE(jobs.size() == 1);
  CHECK(jobs[0]["tid"] == worker);
  CHECK(jobs[0]["name"] == "crunch");
  CHECK(chrome_checks::overlap_problem(trace).empty());
}

TEST_CASE("generator and iterator lanes are tracks with their states, yields sit on their own track", "[export]") {
  const json trace = chrome_of(fixtures::kGenerators);
  const long gen = chrome_checks::tid_named(trace, "numbers()");
  const long iter = chrome_checks::tid_named(trace, "Lines");
  REQUIRE(gen >= 0);
  REQUIRE(iter >= 0);
  const auto kind_of = [&](long tid) {
    for (const auto& e : chrome_checks::events(trace, "M", "name", "thread_name"))
      if (e["tid"] == tid) return e["args"]["kind"].get<std::string>();
    return std::string();
  };
  CHECK(kind_of(gen) == "generator");
  CHECK(kind_of(iter) == "iterator");
  const auto yields = chrome_checks::events(trace, "i", "name", "yield");
  REQUIRE(yields.size() == 3);
  CHECK(yields[0]["tid"] == gen);
  CHECK(yields[0]["args"]["gen"] == "numbers()");  // the convention: whose yield, by its qualname
  CHECK(yields[0]["args"]["value"] == "1");
  CHECK(yields[0]["args"]["line"] == 3);
  CHECK(yields[1]["args"]["value"] == "'two'");
  CHECK(yields[2]["tid"] == iter);  // an item an iterator's __next__ returned
  const auto running = chrome_checks::events(trace, "X", "cat", "running");
  REQUIRE(running.size() == 5);
  for (const auto& r : running) CHECK(r["args"]["thread"] == chrome_checks::tid_named(trace, "main"));
  CHECK(chrome_checks::events(trace, "X", "cat", "suspended").size() == 3);  // paused at a yield / between calls
  CHECK(chrome_checks::overlap_problem(trace).empty());
}

// outer() drives inner(): each yield is exported once, on the track of the generator that
// yielded it; outer pulls from inner while inner runs.
constexpr std::string_view kGenDrivesGen = R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":5,"ev":"lane","lane":1,"kind":"gen","name":"outer()","obj":"generator","parent":0,"line":1}
{"seq":2,"t":6,"ev":"lane","lane":2,"kind":"gen","name":"inner()","obj":"generator","parent":1,"line":5}
{"seq":3,"t":10,"ev":"enter","lane":1,"from":0,"how":"start","line":2}
{"seq":4,"t":12,"ev":"enter","lane":2,"from":1,"how":"start","line":6}
{"seq":5,"t":14,"ev":"leave","lane":2,"from":1,"how":"yield","value":"1","line":7}
{"seq":6,"t":16,"ev":"leave","lane":1,"from":0,"how":"yield","value":"10","line":3}
{"seq":7,"t":20,"ev":"enter","lane":1,"from":0,"how":"resume","line":3}
{"seq":8,"t":22,"ev":"enter","lane":2,"from":1,"how":"resume","line":7}
{"seq":9,"t":24,"ev":"leave","lane":2,"from":1,"how":"yield","value":"2","line":7}
{"seq":10,"t":26,"ev":"leave","lane":1,"from":0,"how":"yield","value":"20","line":3}
)J";

TEST_CASE("a generator driven by a generator: each yield exported once, on its own track", "[export]") {
  const json trace = chrome_of(kGenDrivesGen);
  const long outer = chrome_checks::tid_named(trace, "outer()");
  const long inner = chrome_checks::tid_named(trace, "inner()");
  const auto yields = chrome_checks::events(trace, "i", "name", "yield");
  REQUIRE(yields.size() == 4);
  for (const auto& y : yields) {  // inner() yielded 1 and 2, outer() 10 and 20
    const std::string value = y["args"]["value"];
    CHECK(y["tid"] == (value.size() == 1 ? inner : outer));
    CHECK(y["args"]["gen"] == (value.size() == 1 ? "inner()" : "outer()"));
  }
  const auto pulling = chrome_checks::events(trace, "X", "cat", "pulling");
  REQUIRE(pulling.size() == 2);
  for (const auto& p : pulling) {
    CHECK(p["tid"] == outer);
    CHECK(p["name"] == "pulling from inner()");
    CHECK(p["args"]["from_tid"] == inner);
    CHECK(p["args"]["from"] == "inner()");
  }
}

TEST_CASE("the overlap check itself catches a partial overlap", "[export]") {
  const json bad = json::parse(R"J({"traceEvents":[
    {"ph":"X","tid":1,"ts":0,"dur":10},{"ph":"X","tid":1,"ts":5,"dur":10}]})J");
  CHECK_FALSE(chrome_checks::overlap_problem(bad).empty());
}

// Gaps in seq and lane fields that name no lane (-1): the embedded copy leaves out a seq that
// follows from the previous one and a -1 lane field, and the reader must give both back.
constexpr std::string_view kGapsAndNoLanes = R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":1,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":5,"t":2,"ev":"lane","lane":2,"kind":"task","name":"Task-1","coro":"main","parent":-1,"loop":1,"line":3}
{"seq":6,"t":10,"ev":"run","lane":2,"line":4,"ready":2,"by":-1,"why":"start"}
{"seq":9,"t":20,"ev":"suspend","lane":2,"line":5,"awaiting":"Future","wait":"future","target":-1}
{"seq":10,"t":30,"ev":"run","lane":2,"line":5,"ready":25,"by":0,"why":"future"}
{"seq":11,"t":40,"ev":"done","lane":2,"outcome":"result","detail":"None","line":6}
)J";

void check_same_events(const Trace& original, const Trace& loaded) {
  REQUIRE(loaded.events().size() == original.events().size());
  for (EventIndex i = 0; i < original.events().size(); ++i) {
    INFO("event " << i);
    const Event a = original.events()[i];
    const Event b = loaded.events()[i];
    CHECK(a.seq == b.seq);
    CHECK(a.t == b.t);
    CHECK(a.kind == b.kind);
    CHECK(a.sub == b.sub);
    CHECK(a.lane == b.lane);
    CHECK(a.other == b.other);
    CHECK(a.aux == b.aux);
    CHECK(a.late == b.late);
    CHECK(a.line == b.line);
    CHECK(original.str(a.text) == loaded.str(b.text));
    CHECK(original.str(a.extra) == loaded.str(b.extra));
  }
}

TEST_CASE("a saved Chrome trace reloads into the same model", "[export][load]") {
  for (auto stream : {fixtures::kTwoTasks, fixtures::kBlockingAndThread, fixtures::kGenerators, kGapsAndNoLanes}) {
    Trace original = fixtures::make(stream);
    original.finish(EndStatus::Finished, 0, {});
    for (bool chrome : {true, false}) {
      Trace loaded;
      load_cleanly(to_text(original, chrome), chrome, loaded);
      check_same_events(original, loaded);
      REQUIRE(loaded.lanes().size() == original.lanes().size());
      for (std::size_t i = 0; i < loaded.lanes().size(); ++i) {
        const Lane& a = original.lanes()[i];
        const Lane& b = loaded.lanes()[i];
        CHECK(original.display_name(a.id) == loaded.display_name(b.id));
        REQUIRE(a.spans.size() == b.spans.size());
        for (std::size_t s = 0; s < a.spans.size(); ++s) {
          CHECK(a.spans[s].kind == b.spans[s].kind);
          CHECK(a.spans[s].start == b.spans[s].start);
          CHECK(a.spans[s].end == b.spans[s].end);
          CHECK(original.str(a.spans[s].label) == loaded.str(b.spans[s].label));
        }
        CHECK(a.instants.size() == b.instants.size());
        CHECK(a.overlays.size() == b.overlays.size());
        CHECK(a.loop == b.loop);
      }
      CHECK(loaded.links().size() == original.links().size());
      CHECK(loaded.info().status == EndStatus::Finished);
      CHECK(loaded.info().notes.empty());
    }
  }
}

TEST_CASE("a foreign or broken file gives a clear error and keeps what was read", "[load]") {
  Trace foreign;
  std::string error;
  CHECK_FALSE(load_trace_text(R"({"traceEvents":[{"ph":"X","ts":1,"dur":2}]})", true, foreign, &error));
  CHECK(error.find("not saved by loopscope") != std::string::npos);
  CHECK(foreign.empty());

  const std::string full = to_text(fixtures::make(fixtures::kTwoTasks), true);
  // Cut inside the 8th record of the embedded stream.
  auto cut = full.find("\"events\":[\n");
  REQUIRE(cut != std::string::npos);
  for (int line = 0; line < 8; ++line) cut = full.find('\n', cut) + 1;
  cut += 3;
  Trace partial;
  CHECK_FALSE(load_trace_text(full.substr(0, cut), true, partial, &error));
  CHECK(error.find("cut short") != std::string::npos);
  CHECK(error.find("line 8 of its event stream") != std::string::npos);  // where it broke
  CHECK(partial.events().size() >= 7);
  // Cut between two records: the stream just stops.
  Trace stopped;
  CHECK_FALSE(load_trace_text(full.substr(0, cut - 3), true, stopped, &error));
  CHECK(error.find("ends inside its event stream, after line 7") != std::string::npos);
  CHECK(partial.ended());  // finished so that views see closed spans
  // The run's end says where the file broke: the views show it with the events.
  CHECK(partial.info().end_message.find("damaged or cut short") != std::string::npos);
  CHECK(partial.info().end_message.find("line 8 of its event stream") != std::string::npos);

  // Cut right after the stream's key: said so.
  Trace keyed;
  CHECK_FALSE(load_trace_text(full.substr(0, full.find("\"loopscope\":{\"version\":") + 23), true, keyed, &error));
  CHECK(error.find("ends right after its \"loopscope\" key") != std::string::npos);

  // Cut before the embedded stream (inside the trace events): said so.
  Trace none;
  CHECK_FALSE(load_trace_text(full.substr(0, full.find("\"loopscope\"") / 2), true, none, &error));
  CHECK(error.find("cut short before its event stream") != std::string::npos);
  CHECK(none.empty());

  Trace junk;
  CHECK_FALSE(load_trace_text("hello\nworld\n", false, junk, &error));
  CHECK(error.find("not a loopscope event stream") != std::string::npos);
  CHECK_FALSE(load_trace_text("not json at all", true, junk, &error));

  Trace missing;
  CHECK_FALSE(load_trace_file("/nonexistent/trace.json", missing, &error));
  CHECK(error.find("cannot open") != std::string::npos);
}

TEST_CASE("labels with quotes, backslashes, control characters and unicode stay valid JSON", "[export]") {
  const Trace trace = fixtures::make(R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":1,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":2,"t":2,"ev":"lane","lane":2,"kind":"task","name":"T \"1\"","coro":"main","parent":0,"line":3}
{"seq":3,"t":1500,"ev":"run","lane":2,"line":4,"ready":2,"by":-1,"why":"start"}
{"seq":4,"t":2500,"ev":"suspend","lane":2,"line":4,"awaiting":"get(\"a\\b\")\u0001\t\u00e9\u2192","wait":"other","target":-1}
{"seq":5,"t":3000,"ev":"print","lane":0,"stream":"stdout","text":"\"\u00e9\\"}
)J");
  const json j = json::parse(to_text(trace, true));
  const auto suspended = chrome_checks::events(j, "X", "cat", "suspended");
  REQUIRE(suspended.size() == 1);
  CHECK(suspended[0]["name"] == "get(\"a\\b\")\u0001\t\u00e9\u2192");
  CHECK(suspended[0]["ts"].get<double>() == Approx(2.5));
  const auto steps = chrome_checks::events(j, "X", "cat", "step");
  REQUIRE(steps.size() == 1);
  CHECK(steps[0]["ts"].get<double>() == Approx(1.5));
  CHECK(steps[0]["dur"].get<double>() == Approx(1.0));
  CHECK(chrome_checks::tid_named(j, "T \"1\" main()") >= 0);
  const auto prints = chrome_checks::events(j, "i", "name", "print");
  REQUIRE(prints.size() == 1);
  CHECK(prints[0]["args"]["text"] == "\"\u00e9\\");
}

TEST_CASE("text that is not valid UTF-8 is written as valid JSON, the bad bytes replaced", "[export]") {
  std::string out;
  append_json_string(out, std::string_view("ok \xe9\x41 \xe2\x86\x92 \xc0\x80 end\x01", 17));
  const json parsed = json::parse(out);
  CHECK(parsed.get<std::string>() == "ok \ufffdA \u2192 \ufffd\ufffd end\u0001");
  std::string us;
  append_json_us(us, 1234567);
  us += ' ';
  append_json_us(us, 1500);
  us += ' ';
  append_json_us(us, 2000);
  us += ' ';
  append_json_us(us, 7);
  us += ' ';
  append_json_us(us, -1500);
  us += ' ';
  append_json_us(us, 0);
  us += ' ';
  append_json_us(us, 9'223'372'036'854'775'807);  // the largest time there is
  CHECK(us == "1234.567 1.5 2 0.007 -1.5 0 9223372036854775.807");
}

TEST_CASE("every ASCII character is written as JSON that reads back as itself, plain ones as they are", "[export]") {
  for (int c = 0; c < 0x80; ++c) {
    INFO(c);
    const std::string text = std::string("a") + static_cast<char>(c) + "b";
    std::string out;
    append_json_string(out, text);
    CHECK(json::parse(out).get<std::string>() == text);
    const bool needs_escape = c < 0x20 || c == '"' || c == '\\';
    if (!needs_escape) CHECK(out == "\"" + text + "\"");
    else CHECK(out.find('\\') != std::string::npos);
  }
}

TEST_CASE("the export writes each thing once: no step copies on the loop lane, no empty ready spans", "[export]") {
  const json trace = chrome_of(fixtures::kTwoTasks);
  CHECK(chrome_checks::events(trace, "X", "cat", "task").empty());
  CHECK_FALSE(chrome_checks::events(trace, "X", "cat", "step").empty());
  for (const auto& e : chrome_checks::events(trace, "X", "cat", "ready")) CHECK(e.at("dur").get<double>() > 0);
  for (const auto& e : chrome_checks::events(trace, "X", "cat", "ready")) CHECK_FALSE(e.value("args", json::object()).contains("line"));
}

TEST_CASE("a fact is said once: starved by the name, the line a step resumes at by the suspension before it", "[export]") {
  // Task-1 waits ready through Task-2's 4 ms step (starved), then suspends twice: it resumes at
  // the line of the first suspension, and (as no runtime trace does, but a file might) at
  // another line than the second's.
  const json trace = chrome_of(R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":1,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":2,"t":2,"ev":"lane","lane":2,"kind":"task","name":"Task-1","coro":"main","parent":0,"line":3,"loop":1}
{"seq":3,"t":3,"ev":"lane","lane":3,"kind":"task","name":"Task-2","coro":"busy","parent":0,"line":9,"loop":1}
{"seq":4,"t":1000,"ev":"run","lane":3,"line":10,"ready":900,"by":-1,"why":"start"}
{"seq":5,"t":4000000,"ev":"suspend","lane":3,"line":11,"awaiting":"sleep(1)","wait":"sleep","target":-1}
{"seq":6,"t":4000100,"ev":"run","lane":2,"line":4,"ready":1000,"by":-1,"why":"start"}
{"seq":7,"t":4000200,"ev":"suspend","lane":2,"line":5,"awaiting":"sleep(0)","wait":"sleep","target":-1}
{"seq":8,"t":4000300,"ev":"run","lane":2,"line":5,"ready":4000200,"by":-1,"why":"soon"}
{"seq":9,"t":4000400,"ev":"suspend","lane":2,"line":6,"awaiting":"Queue.get()","wait":"other","target":-1}
{"seq":10,"t":4000500,"ev":"run","lane":2,"line":7,"ready":4000450,"by":-1,"why":"soon"}
{"seq":11,"t":4000600,"ev":"done","lane":2,"outcome":"result","detail":"None","line":7}
)J");
  const long task1 = chrome_checks::tid_named(trace, "Task-1 main()");
  REQUIRE(task1 >= 0);
  auto on_task1 = [&](const std::string& cat) {
    std::vector<json> out;
    for (const json& e : chrome_checks::events(trace, "X", "cat", cat))
      if (e.at("tid") == task1) out.push_back(e);
    return out;
  };
  const auto ready = on_task1("ready");
  REQUIRE(ready.size() == 3);
  CHECK(ready[0].at("name") == "ready, starved");
  CHECK_FALSE(ready[0].contains("args"));  // the name says it
  CHECK(ready[1].at("name") == "ready");
  CHECK(ready[2].at("name") == "ready");
  const auto steps = on_task1("step");
  REQUIRE(steps.size() == 3);
  CHECK(steps[0].at("args").at("line") == 4);  // its first step: the line it started at
  CHECK_FALSE(steps[1].contains("args"));      // resumed at line 5, which the sleep(0) before it says
  CHECK(steps[2].at("args").at("line") == 7);  // not where it suspended (line 6): said
  const auto suspended = on_task1("suspended");
  REQUIRE(suspended.size() == 2);
  CHECK(suspended[0].at("args").at("line") == 5);
  CHECK(suspended[1].at("args").at("line") == 6);
}

TEST_CASE("a suspension of zero length is exported: the task gave the loop its turn there", "[export]") {
  // sleep(0): the task is ready again the moment it suspends.
  const json trace = chrome_of(R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":1,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":2,"t":2,"ev":"lane","lane":2,"kind":"task","name":"Task-1","coro":"main","parent":0,"line":3,"loop":1}
{"seq":3,"t":1000,"ev":"run","lane":2,"line":4,"ready":999,"by":0,"why":"start"}
{"seq":4,"t":2000,"ev":"suspend","lane":2,"line":5,"awaiting":"sleep(0)","wait":"sleep","target":-1}
{"seq":5,"t":3000,"ev":"run","lane":2,"line":5,"ready":2000,"by":-1,"why":"soon"}
{"seq":6,"t":4000,"ev":"done","lane":2,"outcome":"result","detail":"None","line":6}
)J");
  const auto suspended = chrome_checks::events(trace, "X", "cat", "suspended");
  REQUIRE(suspended.size() == 1);
  CHECK(suspended[0].at("name") == "sleep(0)");
  CHECK(suspended[0].at("dur").get<double>() == 0);
}

TEST_CASE("the embedded stream is compact and says the same as the stream, gaps and no-lane fields included", "[export]") {
  const json chrome = chrome_of(kGapsAndNoLanes);
  const json& ls = chrome.at("loopscope");
  CHECK(ls.at("version") == 2);
  // Each record is [kind, dt, fields...] in the order of the kinds table.
  const json& raw = ls.at("events");
  REQUIRE(raw.size() == 9);  // 7 records and a seq record for each of the 2 gaps
  CHECK(raw[2] == json::parse("[-1,5]"));
  // A lane: its name is text without a number (a lane's name is used once); "main" was written
  // before (the main lane's kind), so the coroutine is string 0.
  CHECK(raw[3] == json::parse(R"([4,1,2,3,"task",["Task-1"],0,null,null,-1,1])"));
  // A run: lane 2, line 4, ready 8 ns before it, woken by no lane, why "start".
  CHECK(raw[4] == json::parse(R"([6,8,2,4,-8,-1,"start"])"));
  // A suspension: the absent target and due are left out at the end.
  CHECK(raw[6] == json::parse(R"([7,10,2,5,"Future","future"])"));
  // Decoded by the tests' own reading of the format, it is the JSON Lines stream, record for record.
  Trace trace = fixtures::make(kGapsAndNoLanes);
  std::vector<json> jsonl;
  std::istringstream lines(to_text(trace, false));
  for (std::string line; std::getline(lines, line);) jsonl.push_back(json::parse(line));
  CHECK(chrome_checks::without_no_lane_fields(chrome_checks::embedded_records(chrome)) ==
        chrome_checks::without_no_lane_fields(jsonl));
  CHECK(jsonl[3].at("by") == -1);  // the JSON Lines stream stays complete
}

TEST_CASE("a short string that comes again is written once and then as its number, a long one as [text]", "[export]") {
  const std::string long_text(60, 'x');
  std::string stream = R"J({"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
)J";
  for (int i = 1; i <= 3; ++i)
    stream += R"J({"seq":)J" + std::to_string(i) + R"J(,"t":)J" + std::to_string(i) +
              R"J(,"ev":"print","lane":0,"stream":"stdout","text":")J" + long_text + "\"}\n";
  for (int i = 4; i <= 5; ++i)
    stream += R"J({"seq":)J" + std::to_string(i) + R"J(,"t":)J" + std::to_string(i) +
              R"J(,"ev":"print","lane":0,"stream":"stdout","text":"tick"})J" "\n";
  const json chrome = chrome_of(stream);
  const json& raw = chrome.at("loopscope").at("events");
  REQUIRE(raw.size() == 6);
  // Numbered strings in order: "main"(0, the kind; the lane's name is not numbered) "stdout"(1) "tick"(2)
  CHECK(raw[0] == json::parse(R"([4,0,0,null,"main",["main"]])"));
  CHECK(raw[1] == json::array({20, 1, 0, nullptr, "stdout", json::array({long_text})}));
  CHECK(raw[2] == json::array({20, 1, 0, nullptr, 1, json::array({long_text})}));
  CHECK(raw[4] == json::parse(R"([20,1,0,null,1,"tick"])"));
  CHECK(raw[5] == json::parse(R"([20,1,0,null,1,2])"));
  const auto records = chrome_checks::embedded_records(chrome);
  CHECK(records[5].at("text") == "tick");
  CHECK(records[3].at("text") == long_text);
}

TEST_CASE("the table of numbered strings is bounded: past it, new strings come as [text]", "[export][load]") {
  // 70,000 different short prints: the first 65,536 strings get numbers, the rest do not.
  std::string stream = R"J({"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
)J";
  for (int i = 1; i <= 70000; ++i)
    stream += R"J({"seq":)J" + std::to_string(i) + R"J(,"t":)J" + std::to_string(i) +
              R"J(,"ev":"print","lane":0,"stream":"stdout","text":"line )J" + std::to_string(i) + "\"}\n";
  Trace original = fixtures::make(stream);
  original.finish(EndStatus::Finished, 0, {});
  const std::string text = to_text(original, true);
  const json chrome = json::parse(text);
  const json& raw = chrome.at("loopscope").at("events");
  CHECK(raw[65534].at(5).is_string());  // "line 65534": string number 65535, the last one
  CHECK(raw[65535].at(5).is_array());
  CHECK(raw[70000].at(4) == 1);  // "stdout" keeps its number
  Trace loaded;
  load_cleanly(text, true, loaded);
  check_same_events(original, loaded);
}

TEST_CASE("a trace cut at its event budget is cut at the same place when reopened", "[export][load]") {
  Trace original = fixtures::make(fixtures::kBudgetCut);
  REQUIRE(original.info().recorded_until == 1000);
  for (bool chrome : {true, false}) {
    Trace loaded;
    load_cleanly(to_text(original, chrome), chrome, loaded);
    CHECK(loaded.info().recorded_until == 1000);
  }
}

TEST_CASE("every kind of record and every optional field comes back from the compact stream", "[export][load]") {
  const std::string stream = R"J(
{"seq":0,"t":0,"ev":"hello","version":1,"python":"3.12.1","impl":"cpython","script":"all.py","argv":["all.py"],"pid":9,"stall_ms":40}
{"seq":1,"t":5,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":2,"t":6,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":3,"t":7,"ev":"lane","lane":2,"kind":"task","name":"Task-1","coro":"main","parent":0,"loop":1,"line":30}
{"seq":4,"t":8,"ev":"rename","lane":2,"name":"boss"}
{"seq":5,"t":9,"ev":"lane","lane":3,"kind":"thread","name":"asyncio_0","thread":"asyncio_0"}
{"seq":6,"t":10,"ev":"lane","lane":4,"kind":"gen","name":"numbers","obj":"async_generator","parent":2,"line":3}
{"seq":7,"t":20,"ev":"run","lane":2,"line":31,"ready":8,"by":0,"why":"start"}
{"seq":8,"t":30,"ev":"enter","lane":4,"from":2,"how":"start","line":4}
{"seq":9,"t":40,"ev":"leave","lane":4,"from":2,"how":"raise","exc":"ValueError","line":5}
{"seq":10,"t":50,"ev":"job","lane":3,"job":1,"func":"crunch","task":2,"via":"run_in_executor"}
{"seq":11,"t":60,"ev":"suspend","lane":2,"line":32,"awaiting":"sleep(0.001)","wait":"sleep","target":-1,"due":1000060}
{"seq":12,"t":70,"ev":"job_end","lane":3,"job":1,"outcome":"exception"}
{"seq":13,"t":80,"ev":"idle","lane":1,"timeout":999980}
{"seq":14,"t":1000100,"ev":"idle_end","lane":1,"events":0}
{"seq":15,"t":1000200,"ev":"cb","lane":1,"name":"tick","line":12,"late":140}
{"seq":16,"t":1000300,"ev":"block","lane":1,"what":"time.sleep(0.1)","line":13}
{"seq":17,"t":1050000,"ev":"stall","lane":1,"task":-1,"since":1000200,"line":13,"func":"tick"}
{"seq":18,"t":1100300,"ev":"block_end","lane":1}
{"seq":19,"t":1100400,"ev":"cb_end","lane":1}
{"seq":20,"t":1100500,"ev":"run","lane":2,"line":32,"ready":1000060,"by":-1,"why":"timer","late":40}
{"seq":21,"t":1100600,"ev":"print","lane":2,"stream":"stderr","text":"warn é","line":33}
{"seq":22,"t":1100700,"ev":"warning","lane":2,"category":"RuntimeWarning","text":"coroutine 'x' was never awaited","line":34}
{"seq":23,"t":1100800,"ev":"exception","lane":2,"type":"KeyError","message":"'k'","traceback":"Traceback (most recent call last):\n  ...\nKeyError: 'k'","line":35}
{"seq":24,"t":1100900,"ev":"done","lane":2,"outcome":"exception","detail":"KeyError: 'k'","line":35}
{"seq":25,"t":1101000,"ev":"note","budget":25,"text":"the trace reached its budget"}
{"seq":26,"t":1102000,"ev":"exit","code":1,"how":"exception"}
{"seq":27,"t":1103000,"ev":"end","status":"failed","code":1,"signal":0,"message":"exit code 1"}
)J";
  const Trace original = fixtures::make(stream);
  for (const auto& note : original.info().notes) UNSCOPED_INFO(note);
  REQUIRE(original.info().notes.size() == 1);  // the budget note, and no problem
  Trace loaded;
  load_cleanly(to_text(original, true), true, loaded);
  check_same_events(original, loaded);
  CHECK(to_text(loaded, false) == to_text(original, false));
}

TEST_CASE("a Chrome trace written by an earlier loopscope (version 1) still opens", "[load]") {
  // Version 1 wrote the records as objects, leaving out a seq that follows on and -1 lanes.
  const std::string v1 = R"J({"displayTimeUnit":"ms","traceEvents":[
{"ph":"M","name":"process_name","pid":1,"tid":0,"args":{"name":"loopscope: demo.py"}}
],
"loopscope":{"version":1,"events":[
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"},
{"t":1,"ev":"lane","lane":1,"kind":"loop","name":"loop"},
{"t":2,"ev":"lane","lane":2,"kind":"task","name":"Task-1","coro":"main","loop":1,"line":3},
{"t":10,"ev":"run","lane":2,"ready":2,"why":"start","line":4},
{"t":20,"ev":"suspend","lane":2,"awaiting":"sleep(1)","wait":"sleep","line":5}
]}}
)J";
  Trace loaded;
  std::string error;
  REQUIRE(load_trace_text(v1, true, loaded, &error));
  REQUIRE(loaded.events().size() == 6);  // and the end the loader adds
  CHECK(loaded.events()[4].seq == 4);
  CHECK(loaded.events()[3].other == kNoLane);
  CHECK(loaded.str(loaded.events()[4].text) == "sleep(1)");
}

TEST_CASE("a Chrome trace of a newer format version is refused with a clear error", "[load]") {
  Trace loaded;
  std::string error;
  CHECK_FALSE(load_trace_text("{\"traceEvents\":[],\n\"loopscope\":{\"version\":3,\n\"events\":[\n]}}\n", true, loaded, &error));
  CHECK(error.find("version 3") != std::string::npos);
  CHECK(error.find("newer loopscope") != std::string::npos);
  Trace whole;  // the same, reformatted (read as one document)
  CHECK_FALSE(load_trace_text(R"({"loopscope": {"events": [], "version": 3}, "traceEvents": []})", true, whole, &error));
  CHECK(error.find("version 3") != std::string::npos);
}

TEST_CASE("a Chrome trace reformatted by another tool still opens, its compact stream included", "[load]") {
  Trace original = fixtures::make(fixtures::kTwoTasks);
  original.finish(EndStatus::Finished, 0, {});
  Trace loaded;
  load_cleanly(json::parse(to_text(original, true)).dump(2), true, loaded);
  check_same_events(original, loaded);
}

TEST_CASE("a compact record that breaks the format stops the load and keeps what came before", "[load]") {
  const std::string kinds = chrome_of(fixtures::kTwoTasks).at("loopscope").at("kinds").dump();
  const std::string head = "{\"traceEvents\":[],\n\"loopscope\":{\"version\":2,\n\"kinds\":" + kinds +
                           ",\n\"events\":[\n[4,0,0,null,\"main\",0],\n[4,1,1,null,\"loop\",1],\n";
  // Each with the reason the load names for it, on the stream's third line.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"[4,1,2,null,\"task\",7]", "a string number 7 that was never written"},
      {"[\"lane\",1]", "a record does not start with its kind"},
      {"[99,1]", "a record of a kind the table has not"},
      {"{\"ev\":\"lane\"}", "not a JSON list"},
      {"[4]", "a record has no time"},
      {"[4,1,true]", "a field is not a number"},
  };
  for (const auto& [bad, reason] : cases) {
    INFO(bad);
    Trace loaded;
    std::string error;
    CHECK_FALSE(load_trace_text(head + bad + "\n]}}\n", true, loaded, &error));
    CHECK(error.find("cut short (2 events could be read") != std::string::npos);
    CHECK(error.find("line 3 of its event stream: " + reason) != std::string::npos);
    CHECK(loaded.lanes().size() == 2);
  }
}
