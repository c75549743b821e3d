#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <thread>

#include "runner/end_report.h"
#include "runner_helpers.h"

using namespace loopscope;
using namespace runner_test;

namespace {

std::size_t open_fds() {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) ++n;
  return n;
}

bool no_children_left() { return ::waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD; }

}  // namespace

TEST_CASE("a normal run finishes with every event and the output kept", "[runner]") {
  const bool real_runtime = GENERATE(false, true);
  const Trace trace = run_to_completion(request("hello.py", real_runtime));
  CHECK(trace.info().status == EndStatus::Finished);
  CHECK(trace.info().exit_code == 0);
  CHECK(trace.info().end_message.empty());
  REQUIRE(trace.events().size() >= 4);
  CHECK(trace.events().front().kind == EventKind::Hello);
  CHECK(trace.events().back().kind == EventKind::End);
  CHECK(has_event(trace, EventKind::Exit));
  CHECK(kept_early_print(trace, real_runtime, "hello"));
}

TEST_CASE("the script's stdout and stderr are kept apart from the events", "[runner]") {
  RunSession session;
  std::string error;
  REQUIRE(session.start(stand_in("hello.py"), &error));
  Trace trace;
  while (session.running()) session.pump(trace);
  CHECK(session.state() == SessionState::Finished);
  // stdout and stderr are read apart, so their chunks may interleave in raw_output.
  CHECK(session.raw_output().find("hello") != std::string::npos);
  CHECK(session.raw_output().find("to stderr") != std::string::npos);
  CHECK(session.events_received() == trace.events().size() - 1);  // all but the runner's end
}

TEST_CASE("an uncaught exception fails the run and keeps the events before it", "[runner]") {
  const bool real_runtime = GENERATE(false, true);
  const Trace trace = run_to_completion(request("raises.py", real_runtime));
  CHECK(trace.info().status == EndStatus::Failed);
  CHECK(trace.info().exit_code == 1);
  CHECK(trace.info().end_message == "the script exited with status 1");
  CHECK(kept_early_print(trace, real_runtime, "before"));
  CHECK(has_event(trace, EventKind::Exception));
}

TEST_CASE("os._exit ends the run abruptly with its status", "[runner]") {
  const bool real_runtime = GENERATE(false, true);
  const Trace trace = run_to_completion(request("os_exit.py", real_runtime));
  CHECK(trace.info().status == EndStatus::Failed);
  CHECK(trace.info().exit_code == 3);
  CHECK(kept_early_print(trace, real_runtime, "bye"));
}

TEST_CASE("a segfault is a crash with its signal, earlier events kept", "[runner]") {
  const bool real_runtime = GENERATE(false, true);
  const Trace trace = run_to_completion(request("segfault.py", real_runtime));
  CHECK(trace.info().status == EndStatus::Crashed);
  CHECK(trace.info().signal == 11);
  CHECK(trace.info().end_message.find("killed by signal 11") != std::string::npos);
  // The runtime writes into shared memory: what it emitted survives its death.
  CHECK(kept_early_print(trace, real_runtime, "about to crash"));
  CHECK(no_children_left());
}

TEST_CASE("a script that kills itself with SIGKILL keeps every record it emitted", "[runner]") {
  const Trace trace = run_to_completion(real("kill_self.py"));
  CHECK(trace.info().status == EndStatus::Crashed);
  CHECK(trace.info().signal == 9);
  CHECK(prints_of(trace).size() == 1000 + 3 + 1);
  CHECK(printed(trace, "line 999"));
  CHECK(printed(trace, "task 2"));
  CHECK(prints_of(trace).back() == "last words");
  CHECK_FALSE(has_event(trace, EventKind::Exit));  // it had no chance to say goodbye
}

TEST_CASE("os._exit keeps every record, the exit record included", "[runner]") {
  const Trace trace = run_to_completion(real("os_exit_many.py"));
  CHECK(trace.info().status == EndStatus::Failed);
  CHECK(trace.info().exit_code == 3);
  const auto prints = prints_of(trace);
  REQUIRE(prints.size() == 500);
  CHECK(prints.back() == "line 499");
  CHECK(has_event(trace, EventKind::Exit));
}

TEST_CASE("SIGKILL from outside mid-run keeps what was emitted, in order, without gaps", "[runner]") {
  RunSession session;
  std::string error;
  REQUIRE(session.start(real("count_forever.py"), &error));
  Trace trace;
  while (prints_of(trace).size() < 2000) {
    if (session.pump(trace) == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  session.send_signal(SIGKILL);
  while (session.running()) session.pump(trace);
  CHECK(trace.info().status == EndStatus::Crashed);
  const auto prints = prints_of(trace);
  REQUIRE(prints.size() >= 2000);
  for (std::size_t i = 0; i < prints.size(); ++i) REQUIRE(prints[i] == "n " + std::to_string(i));
  CHECK(trace.info().notes.empty());  // no broken or missing record
  CHECK(no_children_left());
}

TEST_CASE("a hanging script is stopped by the timeout", "[runner]") {
  const bool real_runtime = GENERATE(false, true);
  RunRequest hang = request("hang.py", real_runtime);
  hang.timeout_s = real_runtime ? 2.0 : 1.0;
  const Trace trace = run_to_completion(hang);
  CHECK(trace.info().status == EndStatus::Timeout);
  CHECK(trace.info().end_message.find("timeout") != std::string::npos);
  CHECK(kept_early_print(trace, real_runtime, "sleeping"));
  CHECK(no_children_left());
  if (real_runtime) {
    // It ran until the time limit stopped it, not until its last event: the run lasts well past
    // its print (the limit, less the interpreter's start-up), and the sleep it hung in is drawn
    // up to the end.
    Nanos printed_at = 0;
    for (const Event& e : trace.events())
      if (e.kind == EventKind::Print) printed_at = e.t;
    CHECK(trace.end_time() - printed_at >= 1'000'000'000);
    const auto& blocked = trace.lanes()[0].overlays;
    REQUIRE_FALSE(blocked.empty());
    CHECK(blocked.back().end == trace.end_time());
  }
}

TEST_CASE("stop() kills the run at once and says so", "[runner]") {
  const bool real_runtime = GENERATE(false, true);
  RunSession session;
  std::string error;
  REQUIRE(session.start(request("hang.py", real_runtime), &error));
  Trace trace;
  // Wait for the script's print (and, for the real runtime, its event) before stopping.
  while (session.raw_output().find("sleeping") == std::string::npos ||
         (real_runtime && !printed(trace, "sleeping"))) {
    session.pump(trace);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  session.stop();
  while (session.running()) session.pump(trace);
  CHECK(session.state() == SessionState::Stopped);
  CHECK(trace.info().status == EndStatus::Stopped);
  CHECK(kept_early_print(trace, real_runtime, "sleeping"));
  CHECK(no_children_left());
}

TEST_CASE("SIGTERM ends a sleeping script at once, as in a plain run, its records kept", "[runner]") {
  RunSession session;
  std::string error;
  REQUIRE(session.start(real("hang.py"), &error));
  Trace trace;
  while (!printed(trace, "sleeping")) {
    session.pump(trace);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  session.send_signal(SIGTERM);
  const auto sent = std::chrono::steady_clock::now();
  while (session.running()) session.pump(trace);
  CHECK(std::chrono::steady_clock::now() - sent < std::chrono::seconds(20));  // hang.py sleeps 60 s
  CHECK(trace.info().status == EndStatus::Stopped);
  CHECK(trace.info().end_message == "terminated (SIGTERM)");
  CHECK(printed(trace, "sleeping"));
}

TEST_CASE("a missing interpreter is a clear error", "[runner]") {
  RunRequest request = stand_in("hello.py");
  request.python = "/nonexistent/python3";
  RunSession session;
  std::string error;
  CHECK_FALSE(session.start(request, &error));
  CHECK(error == "Python not found at /nonexistent/python3: install python3 or pass --python");
  const Trace trace = run_to_completion(request);
  CHECK(trace.info().status == EndStatus::TracerError);
  CHECK(trace.info().end_message == error);
}

TEST_CASE("a missing runtime or script is a clear error", "[runner]") {
  RunRequest request = stand_in("hello.py");
  request.runtime_path = "/nonexistent/loopscope_runtime";
  std::string error;
  CHECK_FALSE(RunSession().start(request, &error));
  CHECK(error.find("the loopscope runtime (loopscope_runtime/) not found") == 0);
  request = stand_in("no_such_script.py");
  CHECK_FALSE(RunSession().start(request, &error));
  CHECK(error.find("script not found") == 0);
}

TEST_CASE("a missing module names the Debian package to install", "[runner]") {
  const bool real_runtime = GENERATE(false, true);
  const Trace trace = run_to_completion(request("missing_module.py", real_runtime));
  CHECK(trace.info().status == EndStatus::Failed);
  CHECK(trace.info().end_message.find("No module named 'surely_not_a_module_xyz'") != std::string::npos);
  CHECK(trace.info().end_message.find("apt-get install python3-surely-not-a-module-xyz") != std::string::npos);
}

TEST_CASE("a flood of output neither blocks nor grows without bound", "[runner]") {
  const bool real_runtime = GENERATE(false, true);
  RunSession session;
  std::string error;
  REQUIRE(session.start(request("flood.py", real_runtime), &error));
  Trace trace;
  while (session.running()) session.pump(trace);
  CHECK(trace.info().status == EndStatus::Finished);
  const std::string out = session.raw_output();
  CHECK(out.size() <= 64 * 1024);
  CHECK(out.find("xxxxxxxx") != std::string::npos);  // the tail is what is kept
}

TEST_CASE("script arguments reach the script and its exit status is reported", "[runner]") {
  RunRequest request = stand_in("argv_exit.py");
  request.args = {"5"};
  RunSession session;
  std::string error;
  REQUIRE(session.start(request, &error));
  Trace trace;
  while (session.running()) session.pump(trace);
  CHECK(trace.info().exit_code == 5);
  CHECK(trace.info().status == EndStatus::Failed);
  CHECK(session.raw_output().find("args: ['5']") != std::string::npos);
}

TEST_CASE("a relative script runs from the given cwd with sys.argv[0] as typed", "[runner]") {
  RunRequest request = stand_in("argv_zero.py");
  request.script = "argv_zero.py";  // like `cd scripts; loopscope trace argv_zero.py`
  request.cwd = runner_test::kScripts;
  RunSession session;
  std::string error;
  REQUIRE(session.start(request, &error));
  Trace trace;
  while (session.running()) session.pump(trace);
  CHECK(trace.info().status == EndStatus::Finished);
  CHECK(session.raw_output().find("argv0: argv_zero.py\n") != std::string::npos);
}

TEST_CASE("runs leak neither file descriptors nor child processes", "[runner]") {
  run_to_completion(stand_in("hello.py"));  // warm-up: lazily opened descriptors
  const std::size_t before = open_fds();
  for (const char* script : {"hello.py", "raises.py", "segfault.py"}) run_to_completion(stand_in(script));
  {
    RunSession abandoned;  // destroyed while running: the child is killed and reaped
    std::string error;
    REQUIRE(abandoned.start(stand_in("hang.py"), &error));
  }
  CHECK(open_fds() == before);
  CHECK(no_children_left());
}

TEST_CASE("end reports explain the way a run ended", "[runner]") {
  EndFacts facts;
  facts.runtime_started = true;
  facts.wait_status = 0;
  CHECK(explain_end(facts).status == EndStatus::Finished);
  facts.wait_status = 2 << 8;  // exit status 2
  facts.exit_seen = true;
  CHECK(explain_end(facts).status == EndStatus::Failed);
  CHECK(explain_end(facts).code == 2);
  facts.runtime_started = false;
  facts.output_tail = "Traceback...\nSyntaxError: invalid syntax\n";
  const EndReport tracer = explain_end(facts);
  CHECK(tracer.status == EndStatus::TracerError);
  CHECK(tracer.message.find("SyntaxError: invalid syntax") != std::string::npos);
  CHECK(missing_module_message("ModuleNotFoundError: No module named 'yaml.loader'").find("python3-yaml") !=
        std::string::npos);
  CHECK(missing_module_message("all fine").empty());
}
