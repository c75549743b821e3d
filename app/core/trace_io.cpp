#include "core/trace_io.h"

#include <simdjson.h>

#include <cerrno>
#include <cstring>
#include <cstdio>

#include "core/event_parse.h"
#include "core/file_text.h"

namespace loopscope {

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A stream that stopped without the runner's `end`: say how it ended as far as we know.
void finish_loaded(Trace& trace) {
  if (trace.ended() || trace.empty()) return;
  const RunInfo& info = trace.info();
  if (info.exit_seen)
    trace.finish(info.exit_code == 0 ? EndStatus::Finished : EndStatus::Failed, info.exit_code, {});
  else
    trace.finish(EndStatus::Stopped, 0, "the trace ends before the script did (the run was cut short)");
}

bool load_jsonl_text(std::string_view text, Trace& trace, std::string* error) {
  std::size_t bad = 0, lines = 0;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    ++lines;
    if (!trace.ingest_line(line)) ++bad;
  }
  if (lines == 0 || bad == lines) {
    if (error) *error = "this is not a loopscope event stream (no readable records)";
    return false;
  }
  return true;
}

// loopscope writes its embedded stream last, one event per line after this marker, so a file
// it wrote is read line by line (fast: no need to index the traceEvents), and one cut short by
// a crash or a full disk still gives the events before the damage. The marker cannot occur
// inside a JSON string (its quotes would be escaped there).
constexpr std::string_view kStreamMarker = "\"loopscope\":{\"version\":1,\"events\":[";

enum class LineRead { NoMarker, Complete, Damaged };

LineRead read_marked_stream(const std::string& text, Trace& trace, std::size_t& read) {
  const auto at = text.rfind(kStreamMarker);
  if (at == std::string::npos) return LineRead::NoMarker;
  std::string_view rest(text);
  rest.remove_prefix(at + kStreamMarker.size());
  while (!rest.empty()) {
    const auto nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    while (!line.empty() && (line.back() == ',' || line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty()) continue;
    if (line.front() == ']') return LineRead::Complete;
    if (line.front() != '{' || line.back() != '}' || !trace.ingest_line(line)) return LineRead::Damaged;
    ++read;
  }
  return LineRead::Damaged;
}

// Reads "loopscope": {"version": 1, "events": [...]} out of a Chrome trace, skipping the rest.
bool load_chrome_text(const std::string& text, Trace& trace, std::string* error) {
  std::size_t read = 0;
  switch (read_marked_stream(text, trace, read)) {
    case LineRead::Complete: return true;
    case LineRead::Damaged:
      if (error)
        *error = "the file is malformed or cut short (" + std::to_string(read) + " events could be read and are kept)";
      return false;
    case LineRead::NoMarker: break;  // written by another tool, or reformatted: parse it all
  }
  using namespace simdjson;
  ondemand::parser parser;
  const padded_string padded(text);
  ondemand::document doc;
  ondemand::object root;
  if (parser.iterate(padded).get(doc) || doc.get_object().get(root)) {
    if (error) *error = "this is not a JSON object (a trace file starts with '{')";
    return false;
  }
  auto broken = [&](const char* what) {
    if (error)
      *error = std::string("the file is malformed or cut short ") + what + " (after " + std::to_string(read) +
               " events; those are kept)";
    return false;
  };
  bool found = false;
  for (auto field : root) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return broken("in a key");
    if (key != "loopscope") continue;  // traceEvents and anything else: skipped
    found = true;
    ondemand::object ls;
    if (field.value().get_object().get(ls)) return broken("in \"loopscope\"");
    for (auto inner : ls) {
      std::string_view inner_key;
      if (inner.unescaped_key().get(inner_key)) return broken("in \"loopscope\"");
      if (inner_key == "version") {
        std::int64_t version = 0;
        if (!inner.value().get_int64().get(version) && version > 1 && error)
          *error = "the trace is format version " + std::to_string(version) + "; this loopscope reads version 1";
        continue;
      }
      if (inner_key != "events") continue;
      ondemand::array events;
      if (inner.value().get_array().get(events)) return broken("in \"loopscope.events\"");
      for (auto element : events) {
        ondemand::object object;
        EventRecord record;
        std::string why;
        if (element.get_object().get(object)) return broken("in \"loopscope.events\"");
        if (!parse_record(object, record, &why)) return broken(("in an event: " + why).c_str());
        trace.ingest_record(record);
        ++read;
      }
    }
    break;
  }
  if (!found) {
    if (error)
      *error = "this JSON file has no \"loopscope\" event stream: it was not saved by loopscope "
               "(a Chrome trace from another tool cannot be reopened)";
    return false;
  }
  return true;
}

bool read_file(const std::string& path, std::string& text) {
  return read_text_file(path, text);
}

}  // namespace

bool load_trace_text(const std::string& text, bool chrome, Trace& trace, std::string* error) {
  const bool ok = chrome ? load_chrome_text(text, trace, error) : load_jsonl_text(text, trace, error);
  finish_loaded(trace);
  return ok;
}

bool load_trace_file(const std::string& path, Trace& trace, std::string* error) {
  std::string text;
  if (!read_file(path, text)) {
    if (error) *error = "cannot open " + path + ": " + std::strerror(errno);
    return false;
  }
  // .jsonl is the stream; anything else is sniffed: a Chrome trace's first record is not a
  // stream record (it has no "ev").
  bool chrome = !ends_with(path, ".jsonl");
  if (chrome && !ends_with(path, ".json")) {
    const auto nl = text.find('\n');
    chrome = text.substr(0, nl).find("\"ev\"") == std::string::npos;
  }
  std::string why;
  const bool ok = load_trace_text(text, chrome, trace, &why);
  if (!ok && error) *error = path + ": " + why;
  return ok;
}

}  // namespace loopscope
