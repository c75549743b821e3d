#include "core/trace_io.h"

#include <simdjson.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>

#include "core/block_reader.h"
#include "core/compact_stream.h"
#include "core/event_parse.h"
#include "core/file_text.h"

namespace loopscope {

namespace {

constexpr std::size_t kLinesPerReport = 8192;  // progress is published, and cancel looked at, this often

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A stream that stopped without the runner's `end`: say how it ended as far as we know, and
// where a damaged file stopped being readable (`damage`, the load's error), since the views
// show the events before it as the run.
void finish_loaded(Trace& trace, const std::string& damage) {
  if (trace.ended() || trace.empty()) return;
  const RunInfo& info = trace.info();
  if (info.exit_seen)
    trace.finish(info.exit_code == 0 ? EndStatus::Finished : EndStatus::Failed, info.exit_code, {});
  else if (!damage.empty())
    trace.finish(EndStatus::Stopped, 0, "the trace file is damaged or cut short; the events read before that are shown (" + damage + ")");
  else
    trace.finish(EndStatus::Stopped, 0, "the trace ends before the script did (the run was cut short)");
}

// loopscope writes its embedded stream last, one event per line after this marker, so a file
// it wrote is read line by line (fast: no need to index the traceEvents), and one cut short by
// a crash or a full disk still gives the events before the damage. The marker cannot occur
// inside a JSON string (its quotes would be escaped there). What follows it on the line:
// `1,"events":[` (version 1, records as objects), or `2,` (version 2, compact records,
// core/compact_stream.h), then a line `"kinds":[...],` and a line `"events":[`.
constexpr std::string_view kStreamMarker = "\"loopscope\":{\"version\":";
constexpr std::string_view kVersion1Rest = "1,\"events\":[";
constexpr std::string_view kVersion2Rest = "2";  // its comma trimmed
constexpr std::string_view kKindsKey = "\"kinds\":";
constexpr std::string_view kEventsOpen = "\"events\":[";
// How loopscope's Chrome export begins (core/chrome_export.cpp).
constexpr std::string_view kChromeHeader = "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[";

std::string unknown_version(std::int64_t version) {
  return "the trace is export format version " + std::to_string(version) +
         "; this loopscope reads versions 1 and 2 (a newer loopscope wrote it)";
}

enum class Outcome { Complete, Damaged, NoMarker, NoRecords, Cancelled, ReadError, NewerVersion };

// One load: the lines of a source applied to a trace, with progress and cancel.
class Load {
 public:
  Load(ByteSource& source, Trace& trace, LoadProgress* progress)
      : source_(source), reader_(source), trace_(trace), progress_(progress) {
    if (progress_) progress_->bytes_total = source.size();
  }

  std::size_t read() const { return read_; }
  std::string_view first_line() { return reader_.peek_line(); }

  Outcome jsonl() {
    std::size_t bad = 0, lines = 0;
    std::string_view line;
    while (reader_.next_line(line)) {
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      ++lines;
      if (trace_.ingest_line(line)) ++read_;
      else ++bad;
      if (lines % kLinesPerReport == 0 && stopped()) return Outcome::Cancelled;
    }
    report();
    if (source_.failed) return Outcome::ReadError;
    return lines == 0 || bad == lines ? Outcome::NoRecords : Outcome::Complete;
  }

  // The embedded stream of a Chrome trace written by loopscope.
  Outcome chrome_stream() {
    if (!reader_.skip_past(kStreamMarker)) return source_.failed ? Outcome::ReadError : Outcome::NoMarker;
    std::string_view line;
    if (!reader_.next_line(line)) {
      why_ = "it ends right after its \"loopscope\" key";
      return source_.failed ? Outcome::ReadError : Outcome::Damaged;
    }
    line = trimmed(line);
    if (line == kVersion1Rest)
      return records([&](std::string_view record, std::string& reason) { return object_record(record, reason); });
    if (line != kVersion2Rest) {
      version_ = std::atoll(std::string(line).c_str());
      why_ = "its format version is not one loopscope wrote";
      return version_ > 2 ? Outcome::NewerVersion : Outcome::Damaged;
    }
    if (!reader_.next_line(line) || !compact_kinds(trimmed(line))) {
      why_ = "its \"kinds\" table is missing or malformed";
      return Outcome::Damaged;
    }
    if (!reader_.next_line(line) || trimmed(line) != kEventsOpen) {
      why_ = "its \"events\" list does not follow the \"kinds\" table";
      return Outcome::Damaged;
    }
    return records([&](std::string_view record, std::string& reason) { return compact_record(record, reason); });
  }

  std::int64_t version() const { return version_; }
  // Why the embedded stream could not be read to its end (set with every Damaged outcome).
  const std::string& why() const { return why_; }

 private:
  void report() {
    if (!progress_) return;
    progress_->bytes_read = reader_.consumed();
    progress_->events = trace_.events().size();
  }
  bool stopped() {
    report();
    return progress_ && progress_->cancel.load();
  }

  // A line without the separators around a record.
  static std::string_view trimmed(std::string_view line) {
    while (!line.empty() && (line.back() == ',' || line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    return line;
  }

  // The records up to the closing `]`, one per line, each applied by `apply`.
  template <class Apply>
  Outcome records(Apply&& apply) {
    std::string_view line;
    std::size_t lines = 0;
    while (reader_.next_line(line)) {
      line = trimmed(line);
      if (line.empty()) continue;
      if (line.front() == ']') return report(), Outcome::Complete;
      ++lines;
      std::string reason;
      if (!apply(line, reason)) {
        why_ = "line " + std::to_string(lines) + " of its event stream: " + (reason.empty() ? "not a record" : reason);
        return report(), Outcome::Damaged;
      }
      if (lines % kLinesPerReport == 0 && stopped()) return Outcome::Cancelled;
    }
    report();
    why_ = "it ends inside its event stream, after line " + std::to_string(lines);
    return source_.failed ? Outcome::ReadError : Outcome::Damaged;
  }

  bool object_record(std::string_view line, std::string& reason) {
    if (line.front() != '{' || line.back() != '}') {
      reason = "not a JSON object";
      return false;
    }
    if (!trace_.ingest_line(line)) return false;
    ++read_;
    return true;
  }

  bool compact_kinds(std::string_view line) {
    if (line.substr(0, kKindsKey.size()) != kKindsKey) return false;
    line.remove_prefix(kKindsKey.size());
    simdjson::dom::array kinds;
    return parse_json_array(line, kinds, nullptr) && compact_.set_kinds(kinds, nullptr);
  }

  bool compact_record(std::string_view line, std::string& reason) {
    simdjson::dom::array array;
    EventRecord record;
    bool is_record = false;
    if (line.front() != '[' || !parse_json_array(line, array, nullptr)) {
      reason = "not a JSON list";
      return false;
    }
    if (!compact_.read(array, record, is_record, &reason)) return false;
    if (!is_record) return true;
    if (trace_.ingest_record(record)) ++read_;
    return true;
  }

  ByteSource& source_;
  BlockReader reader_;
  Trace& trace_;
  LoadProgress* progress_;
  std::size_t read_ = 0;
  std::int64_t version_ = 0;  // of a file this loopscope cannot read
  std::string why_;
  CompactStreamReader compact_;
};

std::string cut_short(std::size_t read) {
  return "the file is malformed or cut short (" + std::to_string(read) + " events could be read and are kept)";
}

// A Chrome trace without loopscope's line layout (reformatted by another tool): parsed whole.
bool load_chrome_document(const std::string& text, Trace& trace, std::string* error) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  simdjson::dom::object root;
  if (parser.parse(text).get(doc) || doc.get_object().get(root)) {
    if (!error) return false;
    if (text.rfind(kChromeHeader, 0) == 0)
      *error = "the file was cut short before its event stream, which loopscope writes last: there is nothing "
               "it can reopen (the trace events before the cut may still open in Perfetto)";
    else
      *error = "this is not a JSON object (a trace file starts with '{'), or it is malformed or cut short";
    return false;
  }
  simdjson::dom::object ls;
  if (root["loopscope"].get_object().get(ls)) {
    if (error)
      *error = "this JSON file has no \"loopscope\" event stream: it was not saved by loopscope "
               "(a Chrome trace from another tool cannot be reopened)";
    return false;
  }
  std::int64_t version = 1;
  if (ls["version"].get_int64().get(version)) version = 1;
  if (version > 2) {
    if (error) *error = unknown_version(version);
    return false;
  }
  simdjson::dom::array events;
  if (ls["events"].get_array().get(events)) {
    if (error) *error = cut_short(0);
    return false;
  }
  std::size_t read = 0;
  auto fail = [&](const std::string& why) {
    if (error) *error = cut_short(read) + (why.empty() ? "" : ": " + why);
    return false;
  };
  CompactStreamReader compact;
  std::string why;
  if (version == 2) {
    simdjson::dom::array kinds;
    if (ls["kinds"].get_array().get(kinds)) return fail("it has no \"kinds\" table");
    if (!compact.set_kinds(kinds, &why)) return fail(why);
  }
  for (const auto element : events) {
    EventRecord record;
    if (version == 2) {
      simdjson::dom::array array;
      bool is_record = false;
      if (element.get_array().get(array)) return fail("a record is not a list");
      if (!compact.read(array, record, is_record, &why)) return fail(why);
      if (!is_record) continue;
    } else {
      simdjson::dom::object object;
      if (element.get_object().get(object) || !parse_record(object, record, &why)) return fail(why);
    }
    trace.ingest_record(record);
    ++read;
  }
  return true;
}

// Loads from `source`; `whole_text` gives the entire input for the rare document fallback.
bool load_from(ByteSource& source, bool chrome, Trace& trace, std::string* error, LoadProgress* progress,
               const std::function<bool(std::string&)>& whole_text) {
  Load load(source, trace, progress);
  Outcome outcome = chrome ? load.chrome_stream() : load.jsonl();
  bool ok = false;
  switch (outcome) {
    case Outcome::Complete: ok = true; break;
    case Outcome::Damaged:
      if (error) *error = cut_short(load.read()) + ": " + load.why();
      break;
    case Outcome::NewerVersion:
      if (error) *error = unknown_version(load.version());
      break;
    case Outcome::NoRecords:
      if (error) *error = "this is not a loopscope event stream (no readable records)";
      break;
    case Outcome::Cancelled:
      if (error) *error = "loading was cancelled (" + std::to_string(load.read()) + " events had been read)";
      break;
    case Outcome::ReadError:
      if (error) *error = std::string("reading failed: ") + std::strerror(errno);
      break;
    case Outcome::NoMarker: {
      std::string text;
      if (!whole_text(text)) {
        if (error) *error = std::string("reading failed: ") + std::strerror(errno);
        break;
      }
      ok = load_chrome_document(text, trace, error);
      break;
    }
  }
  std::string damage;  // where a file that loaded in part stopped being readable
  if (outcome == Outcome::Damaged) damage = load.why();
  else if (outcome == Outcome::NoMarker && !ok && error) damage = *error;
  finish_loaded(trace, damage);
  if (progress) progress->events = trace.events().size();
  return ok;
}

}  // namespace

bool load_trace_text(std::string_view text, bool chrome, Trace& trace, std::string* error, LoadProgress* progress) {
  const auto source = text_source(text);
  return load_from(*source, chrome, trace, error, progress, [&](std::string& whole) {
    whole.assign(text);
    return true;
  });
}

bool load_trace_file(const std::string& path, Trace& trace, std::string* error, LoadProgress* progress) {
  auto source = open_file_source(path);
  // .jsonl is the stream; .json a Chrome trace; anything else is sniffed: a Chrome trace's
  // first record is not a stream record (it has no "ev").
  bool chrome = !ends_with(path, ".jsonl");
  if (source && chrome && !ends_with(path, ".json")) {
    chrome = BlockReader(*source).peek_line().find("\"ev\"") == std::string_view::npos;
    source = open_file_source(path);  // sniffing read a block: start again
  }
  if (!source) {
    if (error) *error = "cannot open " + path + ": " + std::strerror(errno);
    return false;
  }
  std::string why;
  const bool ok = load_from(*source, chrome, trace, &why, progress,
                            [&](std::string& whole) { return read_text_file(path, whole); });
  if (!ok && error) *error = path + ": " + why;
  return ok;
}

}  // namespace loopscope
