// loopscope bench: tracing overhead on the bench workloads (plain vs traced, same invocation),
// ingest and load speed of a large synthetic stream, and the timeline frame build time.
// Each benchmark is a named function in kBenchmarks: add a row there to add a benchmark.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "bench/timeline_frame_bench.h"
#include "cli/commands.h"
#include "core/chrome_export.h"
#include "core/synthetic_stream.h"
#include "core/trace_io.h"
#include "runner/child_process.h"
#include "runner/fd_reader.h"
#include "runner/run_session.h"

namespace loopscope::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

struct BenchContext {
  std::string python;
  std::string python_version;  // "3.11.2"
  fs::path workloads;  // bench_workloads/ next to the binary
  long events = 1'000'000;
  bool quick = false;
};

struct BenchRow {
  std::string name;
  std::string result;  // the headline number, e.g. "2.41x traced/plain"
  std::string detail;
  bool ok = true;
};

using Benchmark = std::function<std::vector<BenchRow>(const BenchContext&)>;

// A plain `python script args` run, output discarded; its wall time (or < 0 if it failed).
double run_plain(const std::string& python, const fs::path& script, const std::vector<std::string>& args) {
  SpawnSpec spec;
  spec.argv = {python, script.string()};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  ChildProcess child;
  std::string error;
  const auto start = Clock::now();
  if (!child.spawn(spec, &error)) return -1;
  FdReader out, err;  // output is read and discarded
  out.start(child.stdout_fd(), [](std::string_view) {});
  err.start(child.stderr_fd(), [](std::string_view) {});
  child.wait_exit();
  out.join();
  err.join();
  const double s = seconds_since(start);
  return WIFEXITED(child.wait_status()) && WEXITSTATUS(child.wait_status()) == 0 ? s : -1;
}

// "3.11.2", as the interpreter says (empty if it cannot be run).
std::string version_of(const std::string& python) {
  SpawnSpec spec;
  spec.argv = {python, "-c", "import platform; print(platform.python_version())"};
  ChildProcess child;
  std::string error, out;
  if (!child.spawn(spec, &error)) return {};
  FdReader reader, err;
  reader.start(child.stdout_fd(), [&out](std::string_view d) { out.append(d); });
  err.start(child.stderr_fd(), [](std::string_view) {});
  child.wait_exit();
  reader.join();
  err.join();
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

// A traced run (as `loopscope trace` does it), and what writing its Chrome export costs (as
// `loopscope trace -o FILE` adds). Negative seconds: the run failed.
struct TracedRun {
  double seconds = -1;         // the run, without the export
  double export_seconds = 0;   // save_chrome_trace afterwards
  std::size_t events = 0;      // stream records
  double export_bytes = 0;
};

TracedRun run_traced(const std::string& python, const fs::path& script, const std::vector<std::string>& args) {
  RunRequest request;
  request.python = python;
  request.script = script.string();
  request.args = args;
  request.timeout_s = 600;
  TracedRun run;
  const auto start = Clock::now();
  const Trace trace = run_to_completion(request);
  const double s = seconds_since(start);
  if (trace.info().status != EndStatus::Finished) return run;
  run.seconds = s;
  run.events = trace.events().size();
  const fs::path file = fs::temp_directory_path() / ("loopscope-bench-" + std::to_string(::getpid()) + "-o.json");
  std::string error;
  const auto export_start = Clock::now();
  if (save_chrome_trace(trace, file.string(), &error)) {
    run.export_seconds = seconds_since(export_start);
    std::error_code ec;
    run.export_bytes = static_cast<double>(fs::file_size(file, ec));
    fs::remove(file, ec);
  }
  return run;
}

std::string fmt(const char* format, double a, double b = 0, double c = 0) {
  char buf[160];
  std::snprintf(buf, sizeof buf, format, a, b, c);
  return buf;
}

// Best of `repeats` for plain and traced runs of one workload on one interpreter, interleaved
// so that a busy machine affects both alike: traced/plain without the export (`trace`), with
// it (`trace -o FILE`), and the export's share of the latter.
std::vector<BenchRow> overhead(const BenchContext& ctx, const std::string& python, const std::string& label,
                               const std::string& file, const std::vector<std::string>& args) {
  BenchRow row, with_export;
  row.name = "overhead " + file + " " + label;
  with_export.name = "  with -o (export) " + label;
  const fs::path script = ctx.workloads / file;
  if (!fs::exists(script)) {
    row.ok = false;
    row.result = "missing";
    row.detail = script.string() + " not found";
    return {row};
  }
  const int repeats = ctx.quick ? 1 : 3;
  double plain = 1e30, traced = 1e30, exported = 1e30, export_s = 0, bytes = 0;
  std::size_t events = 0;
  for (int i = 0; i < repeats; ++i) {
    const double p = run_plain(python, script, args);
    const TracedRun t = run_traced(python, script, args);
    if (p < 0 || t.seconds < 0) {
      row.ok = false;
      row.result = "failed";
      row.detail = p < 0 ? "the plain run failed" : "the traced run failed";
      return {row};
    }
    plain = std::min(plain, p);
    traced = std::min(traced, t.seconds);
    if (t.seconds + t.export_seconds < exported) {
      exported = t.seconds + t.export_seconds;
      export_s = t.export_seconds;
    }
    events = t.events;
    bytes = t.export_bytes;
  }
  row.result = fmt("%.2fx traced/plain", traced / plain);
  row.detail = fmt("plain %.3f s, traced %.3f s, ", plain, traced) + std::to_string(events) + " events";
  with_export.result = fmt("%.2fx traced/plain", exported / plain);
  with_export.detail = fmt("export %.3f s (%.0f%% of the traced run with -o), ", export_s,
                           100.0 * export_s / exported) +
                       fmt("%.0f bytes/event, %.2f M events/s", events ? bytes / static_cast<double>(events) : 0,
                           export_s > 0 ? static_cast<double>(events) / export_s / 1e6 : 0);
  return {row, with_export};
}

// The interpreters to measure: the chosen one (--python, else the default), then 3.12 and 3.13
// where this machine has them (a row says so where not).
std::vector<std::pair<std::string, std::string>> bench_interpreters(const BenchContext& ctx,
                                                                    std::vector<BenchRow>& skipped) {
  std::vector<std::pair<std::string, std::string>> out = {{ctx.python, "(" + ctx.python_version + ")"}};
  for (const char* version : {"3.12", "3.13"}) {
    if (ctx.python_version.rfind(version, 0) == 0) continue;  // already the chosen one
    const std::string found = find_cpython(version);
    if (found.empty()) {
      skipped.push_back({std::string("overhead (") + version + ")", "skipped",
                         std::string("no CPython ") + version + " here (python" + version +
                             " on PATH, or a pyenv install)",
                         true});
      continue;
    }
    out.push_back({found, std::string("(") + version + ")"});
  }
  return out;
}

std::vector<BenchRow> bench_overhead(const BenchContext& ctx) {
  const bool q = ctx.quick;
  std::vector<BenchRow> rows, skipped;
  for (const auto& [python, label] : bench_interpreters(ctx, skipped)) {
    for (auto& r : overhead(ctx, python, label, "asyncio_heavy.py",
                            q ? std::vector<std::string>{"200", "10"} : std::vector<std::string>{}))
      rows.push_back(std::move(r));
    for (auto& r : overhead(ctx, python, label, "generator_heavy.py",
                            q ? std::vector<std::string>{"20000"} : std::vector<std::string>{}))
      rows.push_back(std::move(r));
  }
  rows.insert(rows.end(), skipped.begin(), skipped.end());
  return rows;
}

std::vector<BenchRow> bench_ingest(const BenchContext& ctx) {
  std::string stream;
  append_synthetic_stream(stream, static_cast<std::size_t>(ctx.events));
  std::vector<BenchRow> rows;

  Trace trace;
  auto start = Clock::now();
  std::string_view rest(stream);
  while (!rest.empty()) {
    const auto nl = rest.find('\n');
    trace.ingest_line(rest.substr(0, nl));
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
  }
  double s = seconds_since(start);
  const auto n = static_cast<double>(trace.events().size());
  rows.push_back({"ingest (live path)", fmt("%.2f M events/s", n / s / 1e6),
                  fmt("%.0f events in %.3f s", n, s), !trace.empty()});

  const fs::path file = fs::temp_directory_path() / ("loopscope-bench-" + std::to_string(::getpid()) + ".json");
  std::string error;
  start = Clock::now();
  const bool saved = save_chrome_trace(trace, file.string(), &error);
  const double save_s = seconds_since(start);
  Trace loaded;
  start = Clock::now();
  const bool ok = saved && load_trace_file(file.string(), loaded, &error);
  s = seconds_since(start);
  std::error_code ec;
  const auto bytes = static_cast<double>(fs::file_size(file, ec));
  fs::remove(file, ec);
  rows.push_back({"load saved .json", ok ? fmt("%.3f s", s) : "failed",
                  ok ? fmt("%.0f events, %.0f MB (export took %.2f s)", static_cast<double>(loaded.events().size()),
                           bytes / 1e6, save_s)
                     : error,
                  ok});
  return rows;
}

std::vector<BenchRow> bench_timeline_frame(const BenchContext& ctx) {
  const auto r = bench::run_timeline_frame_bench(static_cast<std::size_t>(ctx.events), ctx.quick ? 10 : 120);
  return {{"timeline frame", fmt("%.3f ms median", r.median_ms),
           fmt("max %.3f ms over %.0f frames, ", r.max_ms, r.frames) + std::to_string(r.events) + " events, " +
               std::to_string(r.lanes) + " lanes",
           r.frames > 0}};
}

// The benchmarks, in the order they run. Add one here (a name and a function).
const std::vector<std::pair<const char*, Benchmark>> kBenchmarks = {
    {"tracing overhead", bench_overhead},
    {"ingest and load", bench_ingest},
    {"timeline frame", bench_timeline_frame},
};

fs::path executable_dir() {
  std::error_code ec;
  return fs::read_symlink("/proc/self/exe", ec).parent_path();
}

}  // namespace

int run_bench(const BenchOptions& options) {
  BenchContext ctx;
  ctx.python = locate_python(options.python);
  ctx.workloads = executable_dir() / "bench_workloads";
  ctx.quick = options.quick;
  ctx.python_version = ctx.python.empty() ? std::string() : version_of(ctx.python);
  ctx.events = options.quick ? std::min(options.events, 50'000L) : options.events;
  if (ctx.python.empty()) {
    std::fprintf(stderr, "loopscope: Python not found at %s: install python3 or pass --python\n",
                 options.python.empty() ? "/usr/bin/python3" : options.python.c_str());
    return 70;
  }
  std::printf("loopscope bench%s: python %s, %ld events\n", ctx.quick ? " --quick" : "", ctx.python.c_str(),
              ctx.events);
  std::printf("%-44s %-24s %s\n", "benchmark", "result", "detail");
  bool all_ok = true;
  for (const auto& [group, run] : kBenchmarks) {
    for (const BenchRow& row : run(ctx)) {
      std::printf("%-44s %-24s %s\n", row.name.c_str(), row.result.c_str(), row.detail.c_str());
      std::fflush(stdout);
      all_ok = all_ok && row.ok;
    }
  }
  return all_ok ? 0 : 1;
}

}  // namespace loopscope::cli
