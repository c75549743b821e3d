// RunSession: the child, three reader threads (the event ring, stdout, stderr) and the inbox
// between the event reader and the owner thread. The event reader parses each line into a
// record batch (core/record_batch.h): parsing is half the cost of ingest, and done there it
// runs on another core while the owner only applies records to the model.
#include "runner/run_session.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "core/record_batch.h"
#include "runner/child_process.h"
#include "runner/end_report.h"
#include "runner/event_ring.h"
#include "runner/fd_reader.h"
#include "runner/ring_reader.h"

namespace loopscope {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kOutputKept = 64 * 1024;     // tail of stdout/stderr kept for errors
constexpr std::size_t kMaxLinesPerPump = 50'000;  // ~15 ms of applying: one GUI frame never stalls on a flood
constexpr std::size_t kBatchLines = 4096;          // lines per batch in the inbox
constexpr double kPipeGraceS = 2.0;                // after exit: wait this long for the pipes

void write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n <= 0) return;  // our own stdout went away: keep running, drop the copy
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

struct RunSession::Impl {
  RunRequest request;
  EventRing ring;
  ChildProcess child;
  RingReader events_reader;
  FdReader stdout_reader, stderr_reader;

  mutable std::mutex mutex;           // guards inbox, output
  std::deque<RecordBatch> inbox;      // complete event lines not yet pumped, parsed
  std::string partial;                // an event line still being received
  std::string output;                 // tail of stdout+stderr
  std::atomic<std::size_t> received{0};
  Clock::time_point inbox_arrived{};   // when the newest line in the inbox came (guarded by mutex)
  // The newest event applied and when it arrived: a wall time maps to the trace's time from here.
  Nanos anchor_t = 0;
  Clock::time_point anchor_wall{};

  std::atomic<int> state{static_cast<int>(SessionState::Idle)};
  Clock::time_point started_at{}, ended_at{};
  std::optional<Clock::time_point> exited_at;
  bool stop_requested = false;
  bool timed_out = false;
  bool hello_seen = false;

  // The event reader's thread: complete lines are parsed here, without the lock, so that the
  // owner goes on applying earlier batches meanwhile; each batch of kBatchLines goes into the
  // inbox at once. `partial` is the reader's own until it has finished (pump() takes a last
  // line without its newline only after RingReader::finish()).
  void on_events(std::string_view data) {
    RecordBatch batch;
    while (!data.empty()) {
      const auto nl = data.find('\n');
      if (nl == std::string_view::npos) {
        partial.append(data);
        break;
      }
      if (partial.empty()) {
        batch.add_line(data.substr(0, nl));
      } else {
        partial.append(data.substr(0, nl));
        batch.add_line(partial);
        partial.clear();
      }
      data.remove_prefix(nl + 1);
      if (batch.size() >= kBatchLines) hand_over(batch);
    }
    hand_over(batch);
  }

  void hand_over(RecordBatch& batch) {
    if (batch.empty()) return;
    std::lock_guard lock(mutex);
    received.fetch_add(batch.size());
    inbox.push_back(std::move(batch));
    inbox_arrived = Clock::now();
    batch = RecordBatch();
  }

  void on_output(std::string_view data, int our_fd) {
    if (request.pass_output) write_all(our_fd, data);
    std::lock_guard lock(mutex);
    output.append(data);
    if (output.size() > 2 * kOutputKept) output.erase(0, output.size() - kOutputKept);
  }

  bool pipes_done() const { return stdout_reader.done() && stderr_reader.done(); }

  void set_state(SessionState s) { state.store(static_cast<int>(s)); }
};

RunSession::RunSession() : impl_(std::make_unique<Impl>()) {}

RunSession::~RunSession() {
  if (impl_->state.load() == static_cast<int>(SessionState::Running)) stop();
  impl_->child.kill_group();
  impl_->child.wait_exit();
  impl_->events_reader.finish();
  impl_->stdout_reader.abandon_and_join();
  impl_->stderr_reader.abandon_and_join();
}

bool RunSession::start(const RunRequest& request, std::string* error) {
  Impl& s = *impl_;
  auto fail = [&](std::string message) {
    if (error) *error = std::move(message);
    return false;
  };
  if (s.state.load() != static_cast<int>(SessionState::Idle)) return fail("this session already ran a script");
  s.request = request;
  const std::string python = locate_python(request.python);
  if (python.empty()) {
    const std::string wanted = !request.python.empty() ? request.python : "/usr/bin/python3";
    return fail("Python not found at " + wanted + ": install python3 or pass --python");
  }
  const std::string runtime = request.runtime_path.empty() ? locate_runtime() : request.runtime_path;
  if (runtime.empty() || ::access(runtime.c_str(), R_OK) != 0)
    return fail("the loopscope runtime (loopscope_runtime/) not found next to the loopscope binary" +
                (runtime.empty() ? std::string() : " (" + runtime + ")") + ": rebuild or reinstall loopscope");
  // A relative script is relative to the run's cwd when one is given (the CLI: the user's).
  std::error_code ec;
  const std::filesystem::path typed(request.script);
  const std::filesystem::path found =
      request.cwd.empty() || typed.is_absolute() ? typed : std::filesystem::path(request.cwd) / typed;
  if (request.script.empty() || !std::filesystem::is_regular_file(found, ec))
    return fail("script not found: " + request.script);

  SpawnSpec spec;
  const std::string script = std::filesystem::absolute(found, ec).string();
  // sys.argv[0] as the user typed it (like `python3 x.py`) when the child runs in the given
  // cwd, where it means the same file; in the script's own folder it must be absolute.
  const std::string argv0 = request.cwd.empty() ? script : request.script;
  std::string ring_error;
  if (!s.ring.create(EventRing::kDefaultCapacity, &ring_error)) return fail(ring_error);
  spec.events_fd = s.ring.fd();
  spec.argv = {python, runtime, "--events-ring", "3", "--stall-ms", std::to_string(request.stall_ms),
               "--max-events", std::to_string(std::max(request.max_events, 0L)),
               // Another CPython (3.12/3.13) sees Debian's pure-Python packages too, appended last
               // on sys.path where that is safe (the runtime decides; a no-op for Debian's own).
               "--debian-packages", "--", argv0};
  spec.argv.insert(spec.argv.end(), request.args.begin(), request.args.end());
  spec.env = request.env;
  spec.cwd = request.cwd.empty() ? std::filesystem::path(script).parent_path().string() : request.cwd;
  spec.inherit_stdin = request.pass_output;
  std::string spawn_error;
  const bool spawned = s.child.spawn(spec, &spawn_error);
  s.ring.close_fd();  // the child has its own; the mapping stays readable after its death
  if (!spawned) return fail(spawn_error);

  s.started_at = Clock::now();
  s.set_state(SessionState::Running);
  s.events_reader.start(s.ring, [&s](std::string_view d) { s.on_events(d); });
  s.stdout_reader.start(s.child.stdout_fd(), [&s](std::string_view d) { s.on_output(d, 1); });
  s.stderr_reader.start(s.child.stderr_fd(), [&s](std::string_view d) { s.on_output(d, 2); });
  return true;
}

std::size_t RunSession::pump(Trace& trace) {
  Impl& s = *impl_;
  if (s.state.load() != static_cast<int>(SessionState::Running)) return 0;

  // Exit, timeout and the end of the pipes are checked before draining, so that everything
  // the child wrote before it went is in the inbox when the trace is finished.
  if (!s.exited_at && s.child.poll_exit()) {
    s.exited_at = Clock::now();
    s.child.kill_group();      // anything it left running in its group goes too
    s.events_reader.finish();  // every record it wrote into the ring, however it died
  }
  if (!s.exited_at && s.request.timeout_s > 0 && elapsed_s() > s.request.timeout_s) {
    s.timed_out = true;
    s.child.kill_group();
  }
  const bool pipes_done = s.pipes_done();
  const bool grace_over =
      s.exited_at && std::chrono::duration<double>(Clock::now() - *s.exited_at).count() > kPipeGraceS;

  std::vector<RecordBatch> batches;
  std::size_t lines = 0;
  Clock::time_point arrived{};
  {
    std::lock_guard lock(s.mutex);
    arrived = s.inbox_arrived;
    while (!s.inbox.empty() && lines < kMaxLinesPerPump) {
      lines += s.inbox.front().size();
      batches.push_back(std::move(s.inbox.front()));
      s.inbox.pop_front();
    }
    if (s.exited_at && (pipes_done || grace_over) && s.inbox.empty() && !s.partial.empty()) {
      batches.emplace_back().add_line(s.partial);  // a last line without its newline
      lines += batches.back().size();
      s.partial.clear();
    }
  }
  for (const RecordBatch& batch : batches) trace.ingest_batch(batch);
  if (lines > 0 && !trace.empty()) {
    s.anchor_t = trace.end_time();
    s.anchor_wall = arrived;
  }
  if (!s.hello_seen && !trace.empty() && trace.events().front().kind == EventKind::Hello) s.hello_seen = true;

  bool inbox_empty;
  {
    std::lock_guard lock(s.mutex);
    inbox_empty = s.inbox.empty();
  }
  if (s.exited_at && (pipes_done || grace_over) && inbox_empty) {
    s.stdout_reader.abandon_and_join();
    s.stderr_reader.abandon_and_join();
    s.child.close_pipes();
    EndFacts facts;
    facts.wait_status = s.child.wait_status();
    facts.stopped = s.stop_requested;
    facts.timed_out = s.timed_out;
    facts.timeout_s = s.request.timeout_s;
    facts.runtime_started = s.hello_seen;
    facts.exit_seen = trace.info().exit_seen;
    const std::string output = raw_output();
    facts.output_tail = output;
    const EndReport report = explain_end(facts);
    // A run that did not end by itself (stopped while it hung, killed, crashed) lasted until
    // the process went, not until its last event: what ran then is drawn running up to there.
    Nanos end_t = 0;
    if (!facts.exit_seen && s.anchor_wall != Clock::time_point{})
      end_t = s.anchor_t + std::chrono::duration_cast<std::chrono::nanoseconds>(*s.exited_at - s.anchor_wall).count();
    trace.finish(report.status, report.code, report.message, report.signal, end_t);
    s.ended_at = Clock::now();
    s.set_state(report.status == EndStatus::Finished  ? SessionState::Finished
                : report.status == EndStatus::Stopped ? SessionState::Stopped
                                                      : SessionState::Failed);
  }
  return lines;
}

void RunSession::stop() {
  Impl& s = *impl_;
  if (s.state.load() != static_cast<int>(SessionState::Running)) return;
  if (!s.exited_at) s.stop_requested = true;
  s.child.kill_group();
}

void RunSession::send_signal(int signal) {
  Impl& s = *impl_;
  if (s.state.load() == static_cast<int>(SessionState::Running) && !s.exited_at && s.child.pid() > 0)
    ::kill(-s.child.pid(), signal);
}

SessionState RunSession::state() const { return static_cast<SessionState>(impl_->state.load()); }

double RunSession::elapsed_s() const {
  const Impl& s = *impl_;
  if (s.state.load() == static_cast<int>(SessionState::Idle)) return 0;
  const auto end = s.state.load() == static_cast<int>(SessionState::Running) ? Clock::now() : s.ended_at;
  return std::chrono::duration<double>(end - s.started_at).count();
}

std::size_t RunSession::events_received() const { return impl_->received.load(); }

std::uint64_t RunSession::records_dropped() const { return impl_->ring.dropped_records(); }

std::string RunSession::raw_output() const {
  std::lock_guard lock(impl_->mutex);
  const std::string& out = impl_->output;
  return out.size() > kOutputKept ? out.substr(out.size() - kOutputKept) : out;
}

Trace run_to_completion(const RunRequest& request, const std::function<void(RunSession&)>& between_pumps,
                        std::uint64_t* dropped) {
  Trace trace;
  RunSession session;
  std::string error;
  if (!session.start(request, &error)) {
    trace.finish(EndStatus::TracerError, 0, error);
    return trace;
  }
  // A short wait between empty pumps: the end of the child is seen within a millisecond (a
  // short script's whole run is a few tens of them).
  while (session.running()) {
    if (between_pumps) between_pumps(session);
    if (session.pump(trace) == 0 && session.running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (dropped) *dropped = session.records_dropped();
  return trace;
}

}  // namespace loopscope
