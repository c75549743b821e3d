#include "core/text_timeline.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>
#include <vector>

#include "core/time_format.h"

namespace loopscope {

namespace {

constexpr int kNameWidth = 24;   // lane name column
constexpr std::size_t kMaxRows = 60;

// Characters by priority: a column shows the most telling thing that happened in it.
struct Mark {
  char c;
  int priority;
};
constexpr Mark kIdle{'~', 1}, kSuspended{'-', 2}, kGenSuspended{':', 2}, kGenPulling{'.', 2}, kReady{'+', 3}, kJob{'=', 4},
    kCallback{'c', 4}, kRunning{'#', 5}, kGenRunning{'*', 5}, kBlocking{'!', 6}, kYield{'y', 7},
    kDone{'d', 7}, kPrint{'p', 8}, kProblem{'X', 9};  // a print beats the done mark next to it

Mark span_mark(SpanKind kind) {
  switch (kind) {
    case SpanKind::Step: return kRunning;
    case SpanKind::Suspended: return kSuspended;
    case SpanKind::Ready: return kReady;
    case SpanKind::Callback: return kCallback;
    case SpanKind::Idle: return kIdle;
    case SpanKind::Blocking: return kBlocking;
    case SpanKind::Job: return kJob;
    case SpanKind::GenRunning: return kGenRunning;
    case SpanKind::GenSuspended: return kGenSuspended;
    case SpanKind::GenAwaiting: return kSuspended;
    case SpanKind::GenPulling: return kGenPulling;
  }
  return kRunning;
}

class Row {
 public:
  Row(int columns, Nanos t_end) : chars_(static_cast<std::size_t>(columns), ' '), prio_(chars_.size(), 0), t_end_(t_end) {}

  void paint_span(const Span& s, Mark m) {
    const Nanos end = s.end == kOpenEnd ? t_end_ : s.end;
    const int c0 = column(s.start);
    const int c1 = std::max(c0, column(std::max(s.start, end - 1)));
    for (int c = c0; c <= c1; ++c) put(c, m);
  }
  void paint_at(Nanos t, Mark m) { put(column(t), m); }
  const std::string& text() const { return chars_; }

 private:
  std::string chars_;
  std::vector<int> prio_;
  Nanos t_end_;

  int column(Nanos t) const {
    const auto n = static_cast<long double>(chars_.size());
    const auto c = t_end_ > 0 ? static_cast<int>(static_cast<long double>(t) * n / static_cast<long double>(t_end_)) : 0;
    return std::clamp(c, 0, static_cast<int>(chars_.size()) - 1);
  }
  void put(int c, Mark m) {
    auto i = static_cast<std::size_t>(c);
    if (m.priority >= prio_[i]) {
      chars_[i] = m.c;
      prio_[i] = m.priority;
    }
  }
};

std::string fit(std::string text, std::size_t width) {
  if (text.size() > width) text = text.substr(0, width - 1) + "~";
  text.resize(width, ' ');
  return text;
}

// `text` cut to `width` columns (no padding).
std::string clip(std::string text, int width) {
  const auto w = static_cast<std::size_t>(std::max(width, 1));
  if (text.size() > w) text = text.substr(0, w - 1) + "~";
  return text;
}


// What the lane ended as, shown under its row: "done", "failed: ...", "cancelled".
std::string lane_outcome(const Trace& trace, const Lane& lane) {
  if (lane.kind != LaneKind::Task || lane.ended_at == kNoEvent) return {};
  switch (static_cast<Outcome>(lane.end_how)) {
    case Outcome::Result: return "done";
    case Outcome::Exception: return "failed: " + std::string(trace.str(trace.events()[lane.ended_at].text));
    case Outcome::Cancelled: return "cancelled";
  }
  return {};
}

// What a task waited for, most frequent first: "awaits: sleep(0.1) x5, Semaphore.acquire() x3".
std::string lane_awaits(const Trace& trace, const Lane& lane) {
  constexpr std::size_t kShown = 3;
  std::vector<std::pair<std::string_view, int>> counts;  // in order of first appearance
  for (const Span& s : lane.spans) {
    if (s.kind != SpanKind::Suspended || s.label == 0) continue;
    const std::string_view label = trace.str(s.label);
    auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == label; });
    if (it == counts.end()) counts.emplace_back(label, 1);
    else ++it->second;
  }
  if (counts.empty()) return {};
  std::stable_sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string text = "awaits: ";
  for (std::size_t i = 0; i < std::min(kShown, counts.size()); ++i) {
    if (i) text += ", ";
    text += std::string(counts[i].first);
    if (counts[i].second > 1) text += " x" + std::to_string(counts[i].second);
  }
  if (counts.size() > kShown) text += ", +" + std::to_string(counts.size() - kShown) + " more";
  return text;
}

// The line under a task's row: how it ended and what it waited for (empty: no line).
std::string lane_detail(const Trace& trace, const Lane& lane, int width) {
  std::string text = lane_outcome(trace, lane);
  const std::string awaits = lane_awaits(trace, lane);
  if (!awaits.empty()) text += (text.empty() ? "" : "; ") + awaits;
  if (text.empty()) return {};
  return clip("    `-> " + text, width);
}

bool has_loop(const Trace& trace) {
  return std::any_of(trace.lanes().begin(), trace.lanes().end(), [](const Lane& l) { return l.kind == LaneKind::Loop; });
}

// A thread lane (or, when there is a loop, the main lane) with nothing of its own only hosts a
// loop, whose row shows what it did: it gets no row.
bool worth_a_row(const Lane& lane, bool loops) {
  const bool host = lane.kind == LaneKind::Thread || (lane.kind == LaneKind::Main && loops);
  return !host || !lane.spans.empty() || !lane.overlays.empty() || !lane.instants.empty();
}

// Row names: the display name, with #1, #2... when several lanes share it (two Countdown
// iterators).
std::vector<std::string> row_names(const Trace& trace) {
  std::vector<std::string> names;
  std::map<std::string, int> total, seen;
  const bool loops = has_loop(trace);
  for (const Lane& lane : trace.lanes()) {
    names.push_back(trace.display_name(lane.id));
    if (worth_a_row(lane, loops)) ++total[names.back()];
  }
  for (std::size_t i = 0; i < names.size(); ++i)
    if (worth_a_row(trace.lanes()[i], loops) && total[names[i]] > 1) names[i] += "#" + std::to_string(++seen[names[i]]);
  return names;
}

std::string lane_row(const Lane& lane, const std::string& name, int columns, Nanos t_end) {
  Row row(columns, t_end);
  for (const Span& s : lane.spans) {
    Mark m = span_mark(s.kind);
    if (s.kind == SpanKind::Step && (s.flags & kSpanFailed)) m = kProblem;
    row.paint_span(s, m);
  }
  for (const Span& b : lane.overlays) row.paint_span(b, kBlocking);
  for (const Instant& in : lane.instants) {
    switch (in.kind) {
      case InstantKind::Print: row.paint_at(in.t, kPrint); break;
      case InstantKind::Yield: row.paint_at(in.t, kYield); break;
      case InstantKind::Exception: row.paint_at(in.t, kProblem); break;
      case InstantKind::TaskDone: row.paint_at(in.t, kDone); break;
      default: break;
    }
  }
  return fit(name, kNameWidth - 1) + "|" + row.text() + "|";
}

std::string time_scale(int columns, Nanos t_end) {
  std::string ticks(static_cast<std::size_t>(columns), ' ');
  std::string labels(static_cast<std::size_t>(columns) + 12, ' ');
  const int step = columns >= 60 ? 20 : 10;
  for (int c = 0; c < columns; c += step) {
    ticks[static_cast<std::size_t>(c)] = '\'';
    const std::string label = format_compact(static_cast<Nanos>(static_cast<long double>(t_end) * c / columns));
    labels.replace(static_cast<std::size_t>(c), label.size(), label);
  }
  labels.resize(static_cast<std::size_t>(columns) + 1, ' ');  // the last label stays within the width
  while (!labels.empty() && labels.back() == ' ') labels.pop_back();
  return std::string(kNameWidth, ' ') + ticks + "\n" + std::string(kNameWidth, ' ') + labels + "\n";
}

std::string header(const Trace& trace, Nanos t_end) {
  const RunInfo& info = trace.info();
  std::string script = info.script.empty() ? "trace" : info.script;
  if (auto slash = script.find_last_of('/'); slash != std::string::npos) script = script.substr(slash + 1);
  std::string text = script + ": " + std::to_string(trace.lanes().size()) + " lanes, " +
                     std::to_string(trace.events().size()) + " events over " + format_compact(t_end) + ", " +
                     std::string(to_string(info.status));
  if (info.status != EndStatus::Running) text += " (exit " + std::to_string(info.exit_code) + ")";
  if (!info.end_message.empty()) text += ": " + info.end_message;
  return text;
}

// The legend, its items wrapped to the width.
std::string legend(int width) {
  static const char* const kItems[] = {
      "# running", "+ ready (waiting for the loop)", "- suspended (awaiting)", "! blocking call", "~ loop idle",
      "c callback", "= thread job", "* generator running", ": generator paused at yield",
      ". pulling from the next stage", "p print", "y yield",
      "d task done", "X failed / exception"};
  std::string out, line = "legend:";
  for (const char* item : kItems) {
    if (line.size() + 2 + std::string_view(item).size() > static_cast<std::size_t>(width)) {
      out += line + "\n";
      line = "       ";
    }
    line += "  ";
    line += item;
  }
  return out + line + "\n";
}

}  // namespace

std::string render_text_timeline(const Trace& trace, int width) {
  width = std::max(width, 40);
  const int columns = width - kNameWidth - 1;
  const Nanos t_end = std::max<Nanos>(trace.end_time(), 1);
  std::string out = clip(header(trace, t_end), width) + "\n";
  const std::vector<std::string> names = row_names(trace);
  std::size_t rows = 0, left_out = 0;
  const bool loops = has_loop(trace);
  for (const Lane& lane : trace.lanes()) {
    if (!worth_a_row(lane, loops)) continue;
    if (++rows > kMaxRows) {
      ++left_out;
      continue;
    }
    out += lane_row(lane, names[static_cast<std::size_t>(lane.id)], columns, t_end) + "\n";
    if (const std::string detail = lane_detail(trace, lane, width); !detail.empty()) out += detail + "\n";
  }
  if (left_out) out += "... and " + std::to_string(left_out) + " more lanes\n";
  out += time_scale(columns, t_end);
  out += legend(width);
  for (const std::string& note : trace.info().notes) out += clip("note: " + note, width) + "\n";
  return out;
}

}  // namespace loopscope
