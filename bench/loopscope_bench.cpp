// loopscope-bench (run as `loopscope bench`, which hands its arguments over): tracing overhead
// on the bench workloads (plain vs traced, same invocation),
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

#include <CLI/CLI.hpp>

#include "bench/model_bench.h"
#include "core/data_paths.h"
#include "core/chrome_export.h"
#include "runner/child_process.h"
#include "runner/fd_reader.h"
#include "runner/run_session.h"

namespace loopscope::bench {

namespace {

namespace fs = std::filesystem;

struct BenchOptions {
  long events = 1'000'000;  // --events: size of the ingest / frame benchmarks
  bool quick = false;       // --quick: smaller workloads (for tests)
  bool full = false;        // --full: the model benchmarks at ten million events
  std::string python;       // --python
  std::string only;         // --only overhead|model: one group of benchmarks
};
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

// A traced run with the runtime in pure Python (LOOPSCOPE_PURE_PYTHON: no C accelerator), as it
// runs where none was built.
TracedRun run_traced_pure(const std::string& python, const fs::path& script, const std::vector<std::string>& args) {
  ::setenv("LOOPSCOPE_PURE_PYTHON", "1", 1);
  TracedRun run = run_traced(python, script, args);
  ::unsetenv("LOOPSCOPE_PURE_PYTHON");
  return run;
}

// Best of `repeats` for plain and traced runs of one workload on one interpreter, interleaved
// so that a busy machine affects all alike: traced/plain without the export (`trace`), with it
// (`trace -o FILE`), the export's share of the latter, and traced/plain in pure Python.
std::vector<BenchRow> overhead(const BenchContext& ctx, const std::string& python, const std::string& label,
                               const std::string& file, const std::vector<std::string>& args) {
  BenchRow row, with_export, pure;
  row.name = "overhead " + file + " " + label;
  with_export.name = "  with -o (export) " + label;
  pure.name = "  pure Python " + label;
  const fs::path script = ctx.workloads / file;
  if (!fs::exists(script)) {
    row.ok = false;
    row.result = "missing";
    row.detail = script.string() + " not found";
    return {row};
  }
  const int repeats = ctx.quick ? 1 : 5;
  double plain = 1e30, traced = 1e30, exported = 1e30, export_s = 0, bytes = 0, traced_pure = 1e30;
  double export_rate = 0;  // events per second of the export alone, best of the runs as the others
  std::size_t events = 0;
  for (int i = 0; i < repeats; ++i) {
    const double p = run_plain(python, script, args);
    const TracedRun t = run_traced(python, script, args);
    const TracedRun tp = run_traced_pure(python, script, args);
    if (p < 0 || t.seconds < 0 || tp.seconds < 0) {
      row.ok = false;
      row.result = "failed";
      row.detail = p < 0 ? "the plain run failed" : "the traced run failed";
      return {row};
    }
    plain = std::min(plain, p);
    traced = std::min(traced, t.seconds);
    traced_pure = std::min(traced_pure, tp.seconds);
    if (t.seconds + t.export_seconds < exported) {
      exported = t.seconds + t.export_seconds;
      export_s = t.export_seconds;
    }
    if (t.export_seconds > 0) export_rate = std::max(export_rate, static_cast<double>(t.events) / t.export_seconds);
    events = t.events;
    bytes = t.export_bytes;
  }
  row.result = fmt("%.2fx traced/plain", traced / plain);
  row.detail = fmt("plain %.3f s, traced %.3f s, ", plain, traced) + std::to_string(events) + " events";
  with_export.result = fmt("%.2fx traced/plain", exported / plain);
  with_export.detail = fmt("export %.3f s (%.0f%% of the traced run with -o), ", export_s,
                           100.0 * export_s / exported) +
                       fmt("%.0f bytes/event, %.2f M events/s", events ? bytes / static_cast<double>(events) : 0,
                           export_rate / 1e6);
  pure.result = fmt("%.2fx traced/plain", traced_pure / plain);
  pure.detail = fmt("traced %.3f s without the runtime's C accelerator (LOOPSCOPE_PURE_PYTHON=1)", traced_pure);
  return {row, with_export, pure};
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

// The model at scale (bench/model_bench.h): memory, ingest, load, state and frames of one
// synthetic trace of ctx.events events.
std::vector<BenchRow> bench_model(const BenchContext& ctx) {
  const auto r = bench::run_model_bench(static_cast<std::size_t>(ctx.events), ctx.quick ? 10 : 120);
  const double n = static_cast<double>(r.events);
  const std::string size = fmt("%.0f events, ", n) + std::to_string(r.lanes) + " lanes";
  const auto& f = r.frames;
  return {
      {"model memory", fmt("%.1f bytes/event", r.heap_bytes_per_event),
       "allocator bytes in use (mallinfo2) after ingest, " + size +
           fmt("; per event: events %.1f, spans %.1f, instants %.1f, ", r.events_bytes, r.spans_bytes, r.instants_bytes) +
           fmt("links %.1f, strings %.1f", r.links_bytes, r.strings_bytes),
       r.events > 0},
      {"ingest (live path)", fmt("%.2f M events/s", n / r.pipelined_s / 1e6),
       fmt("as a run's events come in: parsed into batches on a reader thread, applied on this one, %.2f s wall",
           r.pipelined_s)},
      {"ingest, one thread", fmt("%.2f M events/s", n / r.ingest_s / 1e6),
       fmt("Trace::ingest_line, parse and apply on one thread (as a load does), %.2f s CPU", r.ingest_s)},
      {"load saved .jsonl (streamed)", fmt("%.2f s", r.load_jsonl_s),
       fmt("%.0f MB, %.2f M events/s", r.stream_mb, n / std::max(r.load_jsonl_s, 1e-9) / 1e6), r.load_error.empty()},
      {"load saved .json (streamed)", r.load_json_s > 0 ? fmt("%.2f s", r.load_json_s) : std::string("skipped"),
       r.load_error.empty() ? fmt("%.0f MB Chrome trace (export took %.1f s); ", r.json_mb, r.save_json_s) +
                                  fmt("at most %.0f MB of heap above the model while loading", r.load_extra_heap_mb)
                            : r.load_error,
       r.load_error.empty()},
      {"state at a step", fmt("%.1f us median", r.state_us.median),
       fmt("max %.1f us over %.0f random steps (state_at, the inspector)", r.state_us.max, r.state_us.count)},
      {"timeline frame (core)", fmt("%.3f ms median", f.core_ms.median),
       fmt("max %.3f ms over %.0f frames zooming and panning, ", f.core_ms.max, f.frames) +
           std::to_string(f.max_items) + " items at most",
       f.frames > 0},
      {"timeline frame (scene)", fmt("%.3f ms median", f.scene_ms.median),
       fmt("max %.3f ms: layout and paint of every row into a counting canvas, ", f.scene_ms.max) +
           std::to_string(f.max_draw_calls) + " draw calls at most",
       f.frames > 0},
  };
}

// The benchmarks, in the order they run. Add one here (a name and a function).
const std::vector<std::pair<const char*, Benchmark>> kBenchmarks = {
    {"tracing overhead", bench_overhead},
    {"model at scale", bench_model},
};

// The machine the figures come from, and how busy it was: "Intel(R) Xeon(R) ... x 2 cores,
// 23.5 GiB, load 1.9 2.5 2.9".
std::string machine_line() {
  std::string model = "unknown CPU", line;
  int cores = 0;
  double mem_gib = 0, load[3] = {0, 0, 0};
  if (std::FILE* f = std::fopen("/proc/cpuinfo", "r")) {
    char buf[512];
    while (std::fgets(buf, sizeof buf, f)) {
      line = buf;
      if (line.rfind("model name", 0) == 0 && line.find(':') != std::string::npos) {
        model = line.substr(line.find(':') + 2);
        if (!model.empty() && model.back() == '\n') model.pop_back();
      }
      if (line.rfind("processor", 0) == 0) ++cores;
    }
    std::fclose(f);
  }
  if (std::FILE* f = std::fopen("/proc/meminfo", "r")) {
    long kib = 0;
    if (std::fscanf(f, "MemTotal: %ld kB", &kib) == 1) mem_gib = static_cast<double>(kib) / (1024.0 * 1024.0);
    std::fclose(f);
  }
  if (std::FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fscanf(f, "%lf %lf %lf", &load[0], &load[1], &load[2]) != 3) load[0] = load[1] = load[2] = 0;
    std::fclose(f);
  }
  return model + " x " + std::to_string(cores) + " cores, " + fmt("%.1f GiB, load average %.2f", mem_gib, load[0]) +
         fmt(" %.2f %.2f", load[1], load[2]);
}

}  // namespace

int run_bench(const BenchOptions& options) {
  BenchContext ctx;
  ctx.python = locate_python(options.python);
  ctx.workloads = executable_dir() / "bench_workloads";
  ctx.quick = options.quick;
  ctx.python_version = ctx.python.empty() ? std::string() : version_of(ctx.python);
  ctx.events = options.quick ? std::min(options.events, 50'000L) : options.full ? 10'000'000L : options.events;
  if (ctx.python.empty()) {
    std::fprintf(stderr, "loopscope bench: Python not found at %s: install python3 or pass --python\n",
                 options.python.empty() ? "/usr/bin/python3" : options.python.c_str());
    return 70;
  }
  std::printf("loopscope bench%s: python %s, %ld events\n", ctx.quick ? " --quick" : options.full ? " --full" : "",
              ctx.python.c_str(), ctx.events);
  std::printf("machine: %s\n", machine_line().c_str());
  std::printf("%-44s %-24s %s\n", "benchmark", "result", "detail");
  bool all_ok = true;
  for (const auto& [group, run] : kBenchmarks) {
    if (!options.only.empty() && std::string(group).find(options.only) == std::string::npos) continue;
    for (const BenchRow& row : run(ctx)) {
      std::printf("%-44s %-24s %s\n", row.name.c_str(), row.result.c_str(), row.detail.c_str());
      std::fflush(stdout);
      all_ok = all_ok && row.ok;
    }
  }
  return all_ok ? 0 : 1;
}

}  // namespace loopscope::bench

int main(int argc, char** argv) {
  CLI::App app{"loopscope bench: tracing overhead (traced/plain, same invocation) and the model at scale"};
  app.name("loopscope bench");
  loopscope::bench::BenchOptions options;
  app.add_option("--events", options.events, "Events in the ingest and frame benchmarks");
  app.add_flag("--quick", options.quick, "Small workloads");
  app.add_flag("--full", options.full, "The model at ten million events (--events 10000000)");
  app.add_option("--python", options.python, "Python interpreter");
  app.add_option("--only", options.only, "One group: overhead (tracing) or model (the model at scale)")
      ->check(CLI::IsMember({"overhead", "model"}));
  CLI11_PARSE(app, argc, argv);
  return loopscope::bench::run_bench(options);
}
