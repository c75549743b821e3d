#include "core/chrome_export.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

#include "core/generator_chain.h"

namespace loopscope {

using ojson = nlohmann::ordered_json;

namespace {

std::string_view stream_name(std::uint8_t sub) { return sub ? "stderr" : "stdout"; }

std::string_view job_via(std::uint8_t sub) { return sub ? "run_in_executor" : "to_thread"; }

// Splits "Type: message" back into the record's two fields.
std::pair<std::string, std::string> split_exception(std::string_view text) {
  const auto colon = text.find(": ");
  if (colon == std::string_view::npos) return {std::string(text), {}};
  return {std::string(text.substr(0, colon)), std::string(text.substr(colon + 2))};
}

double us(Nanos ns) { return static_cast<double>(ns) / 1000.0; }

void put(std::FILE* out, const ojson& j, bool& first) {
  if (!first) std::fputs(",\n", out);
  first = false;
  const std::string text = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::fwrite(text.data(), 1, text.size(), out);
}

// The kind a lane is exported as: generator and iterator lanes say which they are.
std::string_view export_kind(const Trace& trace, const Lane& lane) {
  if (lane.kind != LaneKind::Gen) return to_string(lane.kind);
  const std::string_view obj = trace.str(lane.detail);
  return obj == "iterator" || obj == "async_iterator" ? "iterator" : "generator";
}

class ChromeWriter {
 public:
  ChromeWriter(const Trace& trace, std::FILE* out) : tr_(trace), out_(out) {
    pid_ = trace.info().pid > 0 ? trace.info().pid : 1;
    names_.reserve(trace.lanes().size());  // display names are built once, not per span
    for (const Lane& lane : trace.lanes()) names_.push_back(trace.display_name(lane.id));
  }

  void write() {
    std::fputs("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n", out_);
    process_name();
    for (const Lane& lane : tr_.lanes()) lane_events(lane);
    std::fputs("\n],\n\"loopscope\":{\"version\":1,\"events\":[\n", out_);
    bool first = true;
    for (EventIndex i = 0; i < tr_.events().size(); ++i) put(out_, record_json(tr_, i), first);
    std::fputs("\n]}}\n", out_);
  }

 private:
  const Trace& tr_;
  std::FILE* out_;
  std::int64_t pid_ = 1;
  bool first_ = true;
  std::vector<std::string> names_;
  std::string line_;  // reused buffer for one span

  const std::string& name_of(LaneId lane) const {
    static const std::string none;
    return lane >= 0 && lane < static_cast<LaneId>(names_.size()) ? names_[static_cast<std::size_t>(lane)] : none;
  }

  std::int64_t tid(LaneId lane) const { return lane + 1; }
  void emit(const ojson& j) { put(out_, j, first_); }

  void process_name() {
    std::string script = tr_.info().script;
    if (auto slash = script.find_last_of('/'); slash != std::string::npos) script = script.substr(slash + 1);
    emit({{"ph", "M"}, {"name", "process_name"}, {"pid", pid_}, {"tid", 0},
          {"args", {{"name", "loopscope: " + (script.empty() ? std::string("script") : script)}}}});
  }

  // Spans are most of a big trace: written directly (the small args object through nlohmann),
  // with times as exact decimal microseconds so that ts + dur of one span equals the next ts.
  void span_event(LaneId lane, const Span& s, std::string_view cat, const std::string& name, ojson args) {
    const Nanos end = s.end == kOpenEnd ? std::max(s.start, tr_.end_time()) : s.end;
    if (s.line > 0) args["line"] = s.line;
    if (s.flags & kSpanStalled) args["stalled"] = true;
    std::string& line = line_;
    line.assign("{\"ph\":\"X\",\"cat\":");
    append_string(line, cat);
    line += ",\"name\":";
    append_string(line, name);
    line += ",\"pid\":" + std::to_string(pid_) + ",\"tid\":" + std::to_string(tid(lane)) + ",\"ts\":";
    append_us(line, s.start);
    line += ",\"dur\":";
    append_us(line, end - s.start);
    if (!args.empty()) {
      line += ",\"args\":";
      line += args.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    line += '}';
    if (!first_) std::fputs(",\n", out_);
    first_ = false;
    std::fwrite(line.data(), 1, line.size(), out_);
  }

  static void append_us(std::string& out, Nanos ns) {
    char buf[40];
    const char* sign = ns < 0 ? "-" : "";
    const Nanos a = ns < 0 ? -ns : ns;
    std::snprintf(buf, sizeof buf, "%s%lld.%03lld", sign, static_cast<long long>(a / 1000), static_cast<long long>(a % 1000));
    out += buf;
  }

  // JSON string escaping (the model's strings are valid UTF-8: simdjson validated them).
  static void append_string(std::string& out, std::string_view text) {
    out += '"';
    for (const char c : text) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
            out += buf;
          } else {
            out += c;
          }
      }
    }
    out += '"';
  }

  void instant_event(LaneId lane, Nanos t, std::string_view name, ojson args) {
    emit({{"ph", "i"}, {"s", "t"}, {"name", name}, {"pid", pid_}, {"tid", tid(lane)}, {"ts", us(t)},
          {"args", std::move(args)}});
  }

  void lane_events(const Lane& lane) {
    emit({{"ph", "M"}, {"name", "thread_name"}, {"pid", pid_}, {"tid", tid(lane.id)},
          {"args", {{"name", name_of(lane.id)}, {"kind", export_kind(tr_, lane)}}}});
    emit({{"ph", "M"}, {"name", "thread_sort_index"}, {"pid", pid_}, {"tid", tid(lane.id)},
          {"args", {{"sort_index", lane.id}}}});
    for (std::size_t i = 0; i < lane.spans.size(); ++i) span(lane, i);
    // Blocking copies on task lanes only repeat the loop lane's: exported once, there.
    if (lane.kind != LaneKind::Task)
      for (const Span& b : lane.overlays) blocking(lane, b);
    for (const Instant& in : lane.instants) instant(lane, in);
  }

  void span(const Lane& lane, std::size_t index) {
    const Span s = lane.spans[index];
    const std::string label(tr_.str(s.label));
    switch (s.kind) {
      case SpanKind::Step:
        if (lane.kind == LaneKind::Task) {
          span_event(lane.id, s, "step", std::string(tr_.str(lane.detail)), ojson::object());
        } else {  // a task's step seen on the loop lane
          span_event(lane.id, s, "task", name_of(s.target), {{"task", name_of(s.target)}});
        }
        break;
      case SpanKind::Suspended: {
        ojson args = {{"awaiting", label}};
        if (s.target != kNoLane) args["target"] = name_of(s.target);
        span_event(lane.id, s, "suspended", label, std::move(args));
        break;
      }
      case SpanKind::Ready:
        if (s.flags & kSpanStarved) {
          span_event(lane.id, s, "ready", "ready, starved", {{"starved", true}});
        } else {
          span_event(lane.id, s, "ready", "ready", ojson::object());
        }
        break;
      case SpanKind::Callback: span_event(lane.id, s, "callback", label, ojson::object()); break;
      case SpanKind::Idle: span_event(lane.id, s, "idle", "idle", ojson::object()); break;
      case SpanKind::Job: {
        ojson args = ojson::object();
        if (s.target != kNoLane) args["task"] = name_of(s.target);
        span_event(lane.id, s, "thread", label, std::move(args));
        break;
      }
      case SpanKind::GenRunning: running(lane, s, index); break;
      case SpanKind::GenAwaiting: {
        ojson args = {{"awaiting", label}};
        if (s.target != kNoLane) args["target"] = name_of(s.target);
        span_event(lane.id, s, "awaiting", label, std::move(args));
        break;
      }
      case SpanKind::GenPulling:
        span_event(lane.id, s, "pulling", "pulling from " + name_of(s.target),
                   {{"from", name_of(s.target)}, {"from_tid", tid(s.target)}});
        break;
      case SpanKind::GenSuspended: span_event(lane.id, s, "suspended", "suspended", ojson::object()); break;
      case SpanKind::Blocking: break;  // overlays are written by blocking()
    }
  }

  // A generator frame running: on which thread, and for which task's step (so the rule of one
  // running frame per thread can be checked on the export alone).
  void running(const Lane& lane, const Span& s, std::size_t index) {
    ojson args = ojson::object();
    const LaneId root = chain_root(tr_, lane.id, index);
    if (root != kNoLane) {
      args["thread"] = tid(thread_lane_of(tr_, root));
      if (const Lane* r = tr_.lane(root); r && r->kind == LaneKind::Task) args["task"] = tid(root);
    }
    if (s.target != kNoLane) args["driver"] = name_of(s.target);
    span_event(lane.id, s, "running", std::string(tr_.str(lane.name)), std::move(args));
  }

  // A blocking overlay, clipped so that it nests inside the span it started in (Perfetto
  // needs proper nesting per thread).
  void blocking(const Lane& lane, const Span& b) {
    Span clipped = b;
    if (clipped.end == kOpenEnd) clipped.end = std::max(clipped.start, tr_.end_time());
    auto next = std::upper_bound(lane.spans.begin(), lane.spans.end(), b.start,
                                 [](Nanos t, const Span& s) { return t < s.start; });
    if (next != lane.spans.begin()) {
      const Span& host = *std::prev(next);
      const Nanos host_end = host.end == kOpenEnd ? std::max(host.start, tr_.end_time()) : host.end;
      if (host_end > b.start) clipped.end = std::min(clipped.end, host_end);
    }
    if (next != lane.spans.end()) clipped.end = std::min(clipped.end, std::max(clipped.start, next->start));
    ojson args = ojson::object();
    if (b.target != kNoLane) args["task"] = name_of(b.target);
    span_event(lane.id, clipped, "blocking", std::string(tr_.str(b.label)), std::move(args));
  }

  void instant(const Lane& lane, const Instant& in) {
    const std::string text(tr_.str(in.text));
    ojson args = ojson::object();
    if (in.line > 0) args["line"] = in.line;
    switch (in.kind) {
      case InstantKind::Print:
        args["text"] = text;
        args["stream"] = tr_.str(in.extra);
        instant_event(lane.id, in.t, "print", std::move(args));
        break;
      case InstantKind::Exception:
        args["text"] = text;
        args["traceback"] = tr_.str(in.extra);
        instant_event(lane.id, in.t, "exception", std::move(args));
        break;
      case InstantKind::Warning:
        args["text"] = text;
        args["category"] = tr_.str(in.extra);
        instant_event(lane.id, in.t, "warning", std::move(args));
        break;
      case InstantKind::Stall:
        args["func"] = text;
        instant_event(lane.id, in.t, "stall", std::move(args));
        break;
      case InstantKind::TimerLate:
        args["text"] = text;
        instant_event(lane.id, in.t, "timer late", std::move(args));
        break;
      case InstantKind::Note:
        args["text"] = text;
        instant_event(lane.id, in.t, "note", std::move(args));
        break;
      case InstantKind::TaskDone:
        args["outcome"] = tr_.str(in.extra);
        args["detail"] = text;
        instant_event(lane.id, in.t, "done", std::move(args));
        break;
      case InstantKind::Yield:  // on the lane of the generator that yielded it
        args["gen"] = tr_.str(lane.name);
        args["value"] = text;
        args["line"] = in.line;
        instant_event(lane.id, in.t, "yield", std::move(args));
        break;
      default: break;  // receive marks, created marks and the like are loopscope's own view
    }
  }

};

}  // namespace

ojson record_json(const Trace& trace, EventIndex index) {
  const Event& ev = trace.events()[index];
  auto s = [&](StrId id) { return trace.str(id); };
  ojson j = {{"seq", ev.seq}, {"t", ev.t}, {"ev", to_string(ev.kind)}};
  if (ev.kind != EventKind::Hello && ev.kind != EventKind::Exit && ev.kind != EventKind::Note &&
      ev.kind != EventKind::End)
    j["lane"] = ev.lane;
  const bool has_line = ev.line != 0;
  switch (ev.kind) {
    case EventKind::Hello: {
      const auto& info = trace.info();
      j["version"] = 1;
      j["python"] = info.python_version;
      j["impl"] = info.impl;
      j["script"] = info.script;
      j["pid"] = info.pid;
      j["stall_ms"] = info.stall_ms;
      break;
    }
    case EventKind::Exit: j["code"] = ev.aux; j["how"] = to_string(static_cast<ExitHow>(ev.sub)); break;
    case EventKind::Note: j["text"] = s(ev.text); break;
    case EventKind::End:
      j["status"] = to_string(static_cast<EndStatus>(ev.sub));
      j["code"] = ev.aux;
      j["signal"] = ev.late;
      j["message"] = s(ev.text);
      break;
    case EventKind::Lane: {
      const auto kind = static_cast<LaneKind>(ev.sub);
      j["kind"] = to_string(kind);
      j["name"] = s(ev.text);
      if (kind == LaneKind::Task) j["coro"] = s(ev.extra);
      if (kind == LaneKind::Thread) j["thread"] = s(ev.extra);
      if (kind == LaneKind::Gen) j["obj"] = s(ev.extra);
      if (kind == LaneKind::Task || kind == LaneKind::Gen) j["parent"] = ev.other;
      if (const Lane* lane = trace.lane(ev.lane); kind == LaneKind::Task && lane && lane->loop != kNoLane)
        j["loop"] = lane->loop;
      break;
    }
    case EventKind::Rename: j["name"] = s(ev.text); break;
    case EventKind::Run:
      j["ready"] = ev.aux;
      j["by"] = ev.other;
      j["why"] = to_string(static_cast<WakeWhy>(ev.sub));
      if (ev.late) j["late"] = ev.late;
      break;
    case EventKind::Suspend:
      j["awaiting"] = s(ev.text);
      j["wait"] = to_string(static_cast<WaitKind>(ev.sub));
      j["target"] = ev.other;
      if (ev.aux) j["due"] = ev.aux;
      break;
    case EventKind::Done:
      j["outcome"] = to_string(static_cast<Outcome>(ev.sub));
      j["detail"] = s(ev.text);
      break;
    case EventKind::Callback:
      j["name"] = s(ev.text);
      if (ev.late) j["late"] = ev.late;
      break;
    case EventKind::Idle: j["timeout"] = ev.aux; break;
    case EventKind::IdleEnd: j["events"] = ev.aux; break;
    case EventKind::Stall:
      j["task"] = ev.other;
      j["since"] = ev.aux;
      j["func"] = s(ev.text);
      break;
    case EventKind::Block: j["what"] = s(ev.text); break;
    case EventKind::Job:
      j["job"] = ev.aux;
      j["func"] = s(ev.text);
      j["task"] = ev.other;
      j["via"] = job_via(ev.sub);
      break;
    case EventKind::JobEnd:
      j["job"] = ev.aux;
      j["outcome"] = to_string(static_cast<Outcome>(ev.sub));
      break;
    case EventKind::Enter:
      j["from"] = ev.other;
      j["how"] = to_string(static_cast<GenHow>(ev.sub));
      break;
    case EventKind::Leave:
      j["from"] = ev.other;
      j["how"] = to_string(static_cast<GenHow>(ev.sub));
      if (ev.text) j["value"] = s(ev.text);
      if (ev.extra) j["exc"] = s(ev.extra);
      break;
    case EventKind::Print:
      j["stream"] = stream_name(ev.sub);
      j["text"] = s(ev.text);
      break;
    case EventKind::Exception: {
      auto [type, message] = split_exception(s(ev.text));
      j["type"] = type;
      j["message"] = message;
      j["traceback"] = s(ev.extra);
      break;
    }
    case EventKind::Warning:
      j["category"] = s(ev.extra);
      j["text"] = s(ev.text);
      break;
    default: break;
  }
  if (has_line) j["line"] = ev.line;
  return j;
}

void write_chrome_trace(const Trace& trace, std::FILE* out) { ChromeWriter(trace, out).write(); }

void write_jsonl(const Trace& trace, std::FILE* out) {
  for (EventIndex i = 0; i < trace.events().size(); ++i) {
    const std::string line = record_json(trace, i).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fwrite(line.data(), 1, line.size(), out);
    std::fputc('\n', out);
  }
}

namespace {

template <typename Writer>
bool save_with(const std::string& path, std::string* error, Writer writer) {
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, Closer> file(std::fopen(path.c_str(), "wb"));
  if (!file) {
    if (error) *error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  std::setvbuf(file.get(), nullptr, _IOFBF, 1 << 20);
  writer(file.get());
  const bool ok = std::fflush(file.get()) == 0 && !std::ferror(file.get());
  if (!ok && error) *error = "cannot write " + path + ": " + std::strerror(errno);
  return ok;
}

}  // namespace

bool save_chrome_trace(const Trace& trace, const std::string& path, std::string* error) {
  return save_with(path, error, [&](std::FILE* f) { write_chrome_trace(trace, f); });
}

bool save_jsonl(const Trace& trace, const std::string& path, std::string* error) {
  return save_with(path, error, [&](std::FILE* f) { write_jsonl(trace, f); });
}

}  // namespace loopscope
