#include "core/chrome_export.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

#include "core/compact_stream.h"
#include "core/generator_chain.h"
#include "core/json_text.h"
#include "core/record_fields.h"

namespace loopscope {

namespace {

using namespace std::literals;  // "..."sv: the hot appends know their length

constexpr std::size_t kFlushBytes = 1 << 20;  // the text is handed to the file in pieces of about this size

// The kind a lane is exported as: generator and iterator lanes say which they are.
std::string_view export_kind(const Trace& trace, const Lane& lane) {
  if (lane.kind != LaneKind::Gen) return to_string(lane.kind);
  const std::string_view obj = trace.str(lane.detail);
  return obj == "iterator" || obj == "async_iterator" ? "iterator" : "generator";
}

// Text written to a file in large pieces.
class FileText {
 public:
  explicit FileText(std::FILE* out) : out_(out) { text_.reserve(kFlushBytes + 4096); }
  ~FileText() { flush(); }
  std::string& text() { return text_; }
  void maybe_flush() {
    if (text_.size() >= kFlushBytes) flush();
  }
  void flush() {
    std::fwrite(text_.data(), 1, text_.size(), out_);
    text_.clear();
  }

 private:
  std::FILE* out_;
  std::string text_;
};

// A stream record as one JSON object (a line of the .jsonl stream).
class JsonRecordSink {
 public:
  explicit JsonRecordSink(JsonObjectText& object) : j_(object) {}
  void num(std::string_view key, std::int64_t value) { j_.num(key, value); }
  void time(std::string_view key, Nanos value) { j_.num(key, value); }
  void lane(std::string_view key, LaneId lane) { j_.num(key, lane); }
  void text(std::string_view key, std::string_view value) { j_.text(key, value); }

 private:
  JsonObjectText& j_;
};

void append_record(std::string& out, const Trace& trace, const Event& ev) {
  JsonObjectText j(out);
  j.num("seq", ev.seq).num("t", ev.t).text("ev", to_string(ev.kind));
  JsonRecordSink sink(j);
  visit_record_fields(trace, ev, sink);
  j.close();
}

class ChromeWriter {
 public:
  ChromeWriter(const Trace& trace, std::FILE* out) : tr_(trace), file_(out), out_(file_.text()) {
    pid_ = trace.info().pid > 0 ? trace.info().pid : 1;
    // What is the same for every event of a lane is built once, not per span.
    names_.reserve(trace.lanes().size());
    ids_.reserve(trace.lanes().size());
    for (const Lane& lane : trace.lanes()) {
      names_.push_back(trace.display_name(lane.id));
      ids_.push_back(",\"pid\":" + std::to_string(pid_) + ",\"tid\":" + std::to_string(tid(lane.id)));
      quoted_names_.emplace_back();
      append_json_string(quoted_names_.back(), names_.back());
      quoted_own_names_.emplace_back();
      append_json_string(quoted_own_names_.back(), trace.str(lane.name));
      quoted_pulling_.emplace_back();
      append_json_string(quoted_pulling_.back(), "pulling from " + names_.back());
    }
  }

  void write() {
    out_ += "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n";
    process_name();
    for (const Lane& lane : tr_.lanes()) lane_events(lane);
    // The event stream, compact (core/compact_stream.h), last and one record per line:
    // trace_io reads a file written here from this point on, line by line.
    out_ += "\n],\n\"loopscope\":{\"version\":" + std::to_string(kCompactFormatVersion) + ",\n\"kinds\":";
    out_ += compact_kinds_json();
    out_ += ",\n\"events\":[\n";
    CompactStreamWriter stream;
    for (EventIndex i = 0; i < tr_.events().size(); ++i) {
      if (i > 0) out_ += ",\n"sv;
      stream.append(out_, tr_, tr_.events()[i]);
      file_.maybe_flush();
    }
    out_ += "\n]}}\n";
    file_.flush();
  }

 private:
  const Trace& tr_;
  FileText file_;
  std::string& out_;
  std::int64_t pid_ = 1;
  bool first_ = true;
  std::vector<std::string> names_;  // display name of each lane
  // The same as JSON text, made once: a generator trace names lanes in most of its spans.
  std::vector<std::string> quoted_names_;      // display name
  std::vector<std::string> quoted_own_names_;  // the lane record's name
  std::vector<std::string> quoted_pulling_;    // "pulling from <display name>"
  std::vector<std::string> ids_;    // ,"pid":P,"tid":T of each lane
  ChainRoots roots_{tr_};           // who drives each running generator frame

  // A span's name: text to escape, or JSON text made once per lane.
  struct SpanName {
    SpanName(std::string_view text) : text(text) {}  // NOLINT: implicit, most names are text
    SpanName(const char* text) : text(text) {}       // NOLINT
    static SpanName json(std::string_view quoted) {
      SpanName name(quoted);
      name.quoted = true;
      return name;
    }
    std::string_view text;
    bool quoted = false;
  };

  // The JSON text of a lane's display name ("" for no lane).
  std::string_view quoted_name(LaneId lane) const {
    return lane >= 0 && lane < static_cast<LaneId>(quoted_names_.size()) ? quoted_names_[static_cast<std::size_t>(lane)]
                                                                         : std::string_view("\"\"");
  }

  // The name of a span pulling from `inner`.
  SpanName pulling_name(LaneId inner) const {
    if (inner < 0 || inner >= static_cast<LaneId>(quoted_pulling_.size())) return SpanName("pulling from ");
    return SpanName::json(quoted_pulling_[static_cast<std::size_t>(inner)]);
  }

  const std::string& name_of(LaneId lane) const {
    static const std::string none;
    return lane >= 0 && lane < static_cast<LaneId>(names_.size()) ? names_[static_cast<std::size_t>(lane)] : none;
  }

  std::int64_t tid(LaneId lane) const { return lane + 1; }

  // Starts one trace event: {"ph":..., then the caller's fields; finished by end_event().
  JsonObjectText begin_event(std::string_view ph) {
    if (!first_) out_ += ",\n"sv;
    first_ = false;
    JsonObjectText e(out_);
    e.text("ph", ph);
    return e;
  }
  void end_event(JsonObjectText& e) {
    e.close();
    file_.maybe_flush();
  }
  // "args": {...} filled by `fill`, left out when it writes nothing.
  template <class Fill>
  void args(JsonObjectText& e, Fill&& fill) {
    const std::size_t mark = out_.size();
    JsonObjectText a(e.nested("args"));
    fill(a);
    if (a.empty()) out_.resize(mark);
    else a.close();
  }

  void metadata(std::string_view name, std::int64_t tid, std::string_view key, std::string_view text,
                std::string_view kind = {}) {
    JsonObjectText e = begin_event("M");
    e.text("name", name).num("pid", pid_).num("tid", tid);
    args(e, [&](JsonObjectText& a) {
      a.text(key, text);
      if (!kind.empty()) a.text("kind", kind);
    });
    end_event(e);
  }

  void process_name() {
    std::string script = tr_.info().script;
    if (auto slash = script.find_last_of('/'); slash != std::string::npos) script = script.substr(slash + 1);
    metadata("process_name", 0, "name", "loopscope: " + (script.empty() ? std::string("script") : script));
  }

  // A span, with times as exact decimal microseconds so that ts + dur of one span equals the
  // next ts. A suspension of zero length is written: a task that was already ready when it
  // suspended (sleep(0)) still gave the loop its turn there, and what it awaited is told. A
  // ready span of zero length (run at once) says nothing and is left out.
  template <class Fill>
  void span_event(LaneId lane, const Span& s, std::string_view cat, SpanName name, Fill&& fill) {
    const Nanos end = s.end == kOpenEnd ? std::max(s.start, tr_.end_time()) : s.end;
    if (end == s.start && s.kind == SpanKind::Ready) return;
    // The envelope is written by hand (it is most of the export), in the order of the keys
    // of any other event: ph, cat, name, pid, tid, ts, dur, args.
    if (!first_) out_ += ",\n"sv;
    first_ = false;
    out_ += "{\"ph\":\"X\",\"cat\":\""sv;
    out_ += cat;  // one of our own words: nothing to escape
    out_ += "\",\"name\":"sv;
    if (name.quoted) out_ += name.text;
    else append_json_string(out_, name.text);
    out_ += ids_[static_cast<std::size_t>(lane)];
    out_ += ",\"ts\":"sv;
    append_json_us(out_, s.start);
    out_ += ",\"dur\":"sv;
    append_json_us(out_, end - s.start);
    JsonObjectText e(out_, JsonObjectText::kContinue);
    args(e, [&](JsonObjectText& a) {
      fill(a);
      if (s.line > 0) a.num("line", s.line);
      if (s.flags & kSpanStalled) a.flag("stalled", true);
    });
    end_event(e);
  }
  void span_event(LaneId lane, const Span& s, std::string_view cat, SpanName name) {
    span_event(lane, s, cat, name, [](JsonObjectText&) {});
  }

  template <class Fill>
  void instant_event(LaneId lane, const Instant& in, std::string_view name, Fill&& fill) {
    JsonObjectText e = begin_event("i");
    // No "s" (scope): an instant event is thread-scoped unless it says otherwise.
    e.text("name", name).num("pid", pid_).num("tid", tid(lane)).us("ts", in.t);
    args(e, fill);
    end_event(e);
  }

  void lane_events(const Lane& lane) {
    metadata("thread_name", tid(lane.id), "name", name_of(lane.id), export_kind(tr_, lane));
    JsonObjectText e = begin_event("M");
    e.text("name", "thread_sort_index").num("pid", pid_).num("tid", tid(lane.id));
    args(e, [&](JsonObjectText& a) { a.num("sort_index", lane.id); });
    end_event(e);
    resume_line_ = 0;
    for (std::size_t i = 0; i < lane.spans.size(); ++i) span(lane, i);
    // Blocking copies on task lanes only repeat the loop lane's: exported once, there.
    if (lane.kind != LaneKind::Task)
      for (const Span& b : lane.overlays) blocking(lane, b);
    for (const Instant& in : lane.instants) instant(lane, in);
  }

  // The line of the lane's last suspension, until the step or running span after it: a frame
  // resumes where it suspended, so that span says its line only if it differs (18 bytes of
  // each step of a task said the same line twice).
  std::int32_t resume_line_ = 0;

  // The span as written: a step or running frame leaves out the line it resumed at when the
  // suspension before it says it.
  Span as_written(const Span& span) {
    Span s = span;
    switch (s.kind) {
      case SpanKind::Suspended:
      case SpanKind::GenSuspended:
      case SpanKind::GenAwaiting: resume_line_ = s.line; break;
      case SpanKind::Step:
      case SpanKind::GenRunning:
        if (s.line == resume_line_) s.line = 0;
        resume_line_ = 0;
        break;
      default: break;
    }
    return s;
  }

  void span(const Lane& lane, std::size_t index) {
    const Span s = as_written(lane.spans[index]);
    const std::string_view label = tr_.str(s.label);
    switch (s.kind) {
      case SpanKind::Step:
        // A task's step seen on the loop lane is the same span as the step on the task's own
        // lane: written once, there (it was a third of the export).
        if (lane.kind == LaneKind::Task) span_event(lane.id, s, "step", tr_.str(lane.detail));
        break;
      case SpanKind::Suspended: waiting(lane, s, "suspended", label); break;
      case SpanKind::Ready: {
        Span ready = s;
        ready.line = 0;  // the line it resumes at: the suspension before it says it (or the step after it)
        // Starved is said by the name alone (as an arg too, it was a fifth of each such span).
        span_event(lane.id, ready, "ready", (s.flags & kSpanStarved) ? "ready, starved" : "ready");
        break;
      }
      case SpanKind::Callback: span_event(lane.id, s, "callback", label); break;
      case SpanKind::Idle: span_event(lane.id, s, "idle", "idle"); break;
      case SpanKind::Job:
        span_event(lane.id, s, "thread", label, [&](JsonObjectText& a) {
          if (s.target != kNoLane) a.text("task", name_of(s.target));
        });
        break;
      case SpanKind::GenRunning: running(lane, s, index); break;
      case SpanKind::GenAwaiting: waiting(lane, s, "awaiting", label); break;
      case SpanKind::GenPulling:
        span_event(lane.id, s, "pulling", pulling_name(s.target), [&](JsonObjectText& a) {
          a.json("from", quoted_name(s.target)).num("from_tid", tid(s.target));
        });
        break;
      case SpanKind::GenSuspended: span_event(lane.id, s, "suspended", "suspended"); break;
      case SpanKind::Blocking: break;  // overlays are written by blocking()
    }
  }

  // A task suspended, or an async generator's frame inside an await: on what. The label is the
  // span's name (what Perfetto draws) and args.awaiting (the convention other tools read,
  // ARCHITECTURE.md).
  void waiting(const Lane& lane, const Span& s, std::string_view cat, std::string_view label) {
    span_event(lane.id, s, cat, label, [&](JsonObjectText& a) {
      a.text("awaiting", label);
      if (s.target != kNoLane) a.text("target", name_of(s.target));
    });
  }

  // A generator frame running: on which thread, and for which task's step (so the rule of one
  // running frame per thread can be checked on the export alone).
  void running(const Lane& lane, const Span& s, std::size_t index) {
    const LaneId root = roots_.of(lane.id, index);
    span_event(lane.id, s, "running", SpanName::json(quoted_own_names_[static_cast<std::size_t>(lane.id)]), [&](JsonObjectText& a) {
      if (root != kNoLane) {
        a.num("thread", tid(thread_lane_of(tr_, root)));
        if (const Lane* r = tr_.lane(root); r && r->kind == LaneKind::Task) a.num("task", tid(root));
      }
      if (s.target != kNoLane) a.json("driver", quoted_name(s.target));
    });
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
    span_event(lane.id, clipped, "blocking", tr_.str(b.label), [&](JsonObjectText& a) {
      if (b.target != kNoLane) a.text("task", name_of(b.target));
    });
  }

  void instant(const Lane& lane, const Instant& in) {
    const std::string_view text = tr_.str(in.text);
    const std::string_view extra = tr_.str(in.extra);
    auto with = [&](std::string_view name, std::string_view key, std::string_view key2 = {}) {
      instant_event(lane.id, in, name, [&](JsonObjectText& a) {
        if (in.line > 0) a.num("line", in.line);
        a.text(key, text);
        if (!key2.empty()) a.text(key2, extra);
      });
    };
    switch (in.kind) {
      case InstantKind::Print: with("print", "text", "stream"); break;
      case InstantKind::Exception: with("exception", "text", "traceback"); break;
      case InstantKind::Warning: with("warning", "text", "category"); break;
      case InstantKind::Stall: with("stall", "func"); break;
      case InstantKind::TimerLate: with("timer late", "text"); break;
      case InstantKind::Note: with("note", "text"); break;
      case InstantKind::TaskDone:
        instant_event(lane.id, in, "done", [&](JsonObjectText& a) {
          if (in.line > 0) a.num("line", in.line);
          a.text("outcome", extra).text("detail", text);
        });
        break;
      case InstantKind::Yield:  // on the lane of the generator that yielded it
        instant_event(lane.id, in, "yield", [&](JsonObjectText& a) {
          a.json("gen", quoted_own_names_[static_cast<std::size_t>(lane.id)]).text("value", text).num("line", in.line);
        });
        break;
      default: break;  // receive marks, created marks and the like are loopscope's own view
    }
  }
};

}  // namespace

void write_chrome_trace(const Trace& trace, std::FILE* out) { ChromeWriter(trace, out).write(); }

void write_jsonl(const Trace& trace, std::FILE* out) {
  FileText file(out);
  for (EventIndex i = 0; i < trace.events().size(); ++i) {
    append_record(file.text(), trace, trace.events()[i]);
    file.text() += '\n';
    file.maybe_flush();
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
