#include "ui/timeline_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/lod.h"
#include "core/time_axis.h"
#include "core/timeline_frame.h"
#include "ui/timeline_describe.h"

namespace loopscope {

namespace {

struct SvgColors {
  unsigned bg, header_bg, text, text_dim, text_faint, grid, border, accent, error, warn, ok;
  unsigned lane_main, lane_loop, lane_thread, lane_gen;
  unsigned task_hues[8];
};

// Same values as the app's themes (platform/theme.cpp).
const SvgColors kDark{0x15171c, 0x1b1e24, 0xe4e7ec, 0x9aa2b1, 0x5d6472, 0x262a33, 0x2c313b, 0x5aa2ff, 0xff6b6b,
                      0xf0b44c, 0x4cc38a, 0xb0b8c8, 0x9aa7bd, 0xf0b44c, 0x4dd0c8,
                      {0x5aa2ff, 0x4cc38a, 0xc792ea, 0xff9e64, 0x4dd0e1, 0xf06292, 0xd4c35a, 0x9ccc65}};
const SvgColors kLight{0xffffff, 0xf4f5f7, 0x0d0f14, 0x454c5a, 0x8a909c, 0xe6e8ec, 0xb9bec9, 0x0a58ca, 0xc4161c,
                       0xa15c00, 0x137a3e, 0x4a5160, 0x3d4a66, 0xb36b00, 0x00897b,
                       {0x0a58ca, 0x137a3e, 0x7a1fa2, 0xc25100, 0x00838f, 0xc2185b, 0x827717, 0x4e7d0e}};

std::string hex(unsigned rgb) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%06x", rgb & 0xFFFFFF);
  return buf;
}

std::string esc(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
    }
  }
  return out;
}

// Cuts text to about `width` px at `size` (average glyph ~0.56 em), ending in "...".
std::string fit(std::string text, float width, float size) {
  const auto max_chars = static_cast<long>(width / (size * 0.56f));
  if (max_chars < 2) return {};
  if (static_cast<long>(text.size()) <= max_chars) return text;
  if (max_chars < 4) return {};
  std::size_t cut = static_cast<std::size_t>(max_chars - 3);
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 chars
  return text.substr(0, cut) + "...";
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

class SvgWriter {
 public:
  SvgWriter(const Trace& trace, const TimelineExportOptions& options)
      : trace_(trace), o_(options), c_(options.light ? kLight : kDark) {}

  std::string write();

 private:
  unsigned lane_color(LaneId id) const;
  void rect(double x0, double y0, double x1, double y1, unsigned color, double opacity = 1, const char* extra = "");
  void text(double x, double y, const std::string& s, unsigned color, float size, const char* weight = "normal");
  void row(const Lane& lane, const RowItems& items, double y0, double y1);
  void span(const Lane& lane, const Span& s, const SpanItem& item, double y0, double y1);

  const Trace& trace_;
  TimelineExportOptions o_;
  const SvgColors& c_;
  std::ostringstream out_;
  TimeAxis axis_;
  std::vector<unsigned> lane_colors_;
  float font_ = 14.0f, small_ = 11.5f;
};

unsigned SvgWriter::lane_color(LaneId id) const {
  return id >= 0 && static_cast<std::size_t>(id) < lane_colors_.size() ? lane_colors_[static_cast<std::size_t>(id)]
                                                                         : c_.text_dim;
}

void SvgWriter::rect(double x0, double y0, double x1, double y1, unsigned color, double opacity, const char* extra) {
  out_ << "<rect x=\"" << num(x0) << "\" y=\"" << num(y0) << "\" width=\"" << num(std::max(x1 - x0, 1.0))
       << "\" height=\"" << num(y1 - y0) << "\" fill=\"" << hex(color) << '"';
  if (opacity < 1) out_ << " fill-opacity=\"" << opacity << '"';
  out_ << extra << "/>\n";
}

void SvgWriter::text(double x, double y, const std::string& s, unsigned color, float size, const char* weight) {
  if (s.empty()) return;
  out_ << "<text x=\"" << num(x) << "\" y=\"" << num(y) << "\" font-size=\"" << size << "\" fill=\"" << hex(color)
       << "\" font-weight=\"" << weight << "\">" << esc(s) << "</text>\n";
}

void SvgWriter::span(const Lane& lane, const Span& s, const SpanItem& item, double y0, double y1) {
  const double x0 = item.x0, x1 = std::max<double>(item.x1, item.x0 + 1);
  const double h = y1 - y0, mid = (y0 + y1) / 2;
  const bool bad_block = lane.kind == LaneKind::Loop || lane.kind == LaneKind::Task;
  unsigned color = lane_color(lane.id);
  if (s.kind == SpanKind::Step && lane.kind == LaneKind::Loop) color = s.target != kNoLane ? lane_color(s.target) : c_.lane_loop;
  if (s.kind == SpanKind::Callback) color = c_.lane_loop;
  const std::string label = span_label(trace_, lane, s);
  switch (s.kind) {
    case SpanKind::Step:
    case SpanKind::Callback:
    case SpanKind::Job:
    case SpanKind::GenRunning:
      rect(x0, y0, x1, y1, color, 1, (s.flags & (kSpanStalled | kSpanFailed)) ? " stroke=\"red\" stroke-width=\"2\"" : "");
      text(x0 + 4, mid + font_ * 0.35, fit(label, static_cast<float>(x1 - x0 - 8), font_), 0xffffff, font_);
      break;
    case SpanKind::Suspended:
    case SpanKind::GenAwaiting:
    case SpanKind::GenPulling:
    case SpanKind::GenSuspended: {
      const double band = std::max(3.0, h * 0.16);
      rect(x0, y1 - band, x1, y1, color, 0.55);
      double label_end = x1;
      text(x0 + 4, y1 - band - (h - band - font_) / 2 - 2, fit(label, static_cast<float>(label_end - x0 - 8), font_), c_.text_dim, font_);
      break;
    }
    case SpanKind::Ready: {
      out_ << "<rect x=\"" << num(x0) << "\" y=\"" << num(y0) << "\" width=\"" << num(x1 - x0) << "\" height=\""
           << num(h) << "\" fill=\"url(#hatch" << lane.id << ")\" stroke=\"" << hex(color) << "\" stroke-opacity=\"0.6\"/>\n";
      if (x1 - x0 > font_ * 7) text(x0 + 4, mid + font_ * 0.35, "ready, waiting", c_.text, font_);
      break;
    }
    case SpanKind::Idle:
      rect(x0, mid - h * 0.1, x1, mid + h * 0.1, c_.text_faint, 0.35);
      if (x1 - x0 > font_ * 4) text(x0 + 4, mid - h * 0.15, "idle", c_.text_faint, small_);
      break;
    case SpanKind::Blocking:
      if (bad_block) {
        rect(x0, y0, x1, y1, c_.error);
        text(x0 + 4, mid + font_ * 0.35, fit(label, static_cast<float>(x1 - x0 - 8), font_), 0xffffff, font_, "bold");
      } else {
        rect(x0, y0, x1, y0 + h * 0.3, c_.warn, 0.85);
      }
      break;
  }
}

void SvgWriter::row(const Lane& lane, const RowItems& items, double y0, double y1) {
  const double pad = std::max(3.0, (y1 - y0) * 0.12);
  for (const SpanItem& item : items.spans) {
    if (item.merged()) {
      rect(item.x0, y0 + pad + 2, std::max<double>(item.x1, item.x0 + 2), y1 - pad - 2,
           lane.kind == LaneKind::Loop ? c_.lane_loop : lane_color(lane.id), 0.45);
    } else {
      span(lane, lane.spans[item.first], item, y0 + pad, y1 - pad);
    }
  }
  const double inset = (y1 - y0 - 2 * pad) * 0.1;
  for (const SpanItem& item : items.overlays) {
    span(lane, lane.overlays[item.first], item, y0 + pad + inset, y1 - pad - inset);
  }
  const double r = 5;
  for (std::size_t i = 0; i < items.instants.size(); ++i) {
    const InstantItem& item = items.instants[i];
    const Instant& in = lane.instants[item.first];
    const double x = item.x;
    const bool top = in.kind == InstantKind::Print || in.kind == InstantKind::TimerLate;
    const double y = top ? y0 + r + 2 : (y0 + y1) / 2;
    unsigned color = c_.text_dim;
    switch (in.kind) {
      case InstantKind::Print: color = c_.text; break;
      case InstantKind::Yield: color = c_.lane_gen; break;
      case InstantKind::TimerLate: case InstantKind::Stall: case InstantKind::Exception: case InstantKind::GenRaise:
        color = c_.error; break;
      case InstantKind::Warning: color = c_.warn; break;
      default: break;
    }
    if (in.kind == InstantKind::Yield) {
      out_ << "<path d=\"M" << num(x) << ' ' << num(y - r) << " L" << num(x + r) << ' ' << num(y) << " L" << num(x)
           << ' ' << num(y + r) << " L" << num(x - r) << ' ' << num(y) << "Z\" fill=\"" << hex(color) << "\"/>\n";
    } else if (in.kind == InstantKind::Print) {
      rect(x - r * 0.9, y - r, x + r * 0.9, y + r * 0.5, color);
    } else {
      out_ << "<circle cx=\"" << num(x) << "\" cy=\"" << num(y) << "\" r=\"" << r * 0.8 << "\" fill=\"" << hex(color) << "\"/>\n";
    }
    const double next = i + 1 < items.instants.size() ? items.instants[i + 1].x : axis_.x0() + axis_.width();
    std::string label = item.count > 1 ? "x" + std::to_string(item.count) : instant_label(trace_, in);
    if (in.kind == InstantKind::Print && item.count == 1) label = "\"" + label + "\"";
    if (in.kind != InstantKind::TaskDone && in.kind != InstantKind::TaskCreated) {
      text(x + r + 3, y + small_ * 0.35, fit(label, static_cast<float>(next - x - 2 * r - 6), small_), c_.text, small_);
    }
  }
}

std::string SvgWriter::write() {
  const Nanos run_end = std::max<Nanos>(trace_.end_time(), 1000);
  const double header_w = 190, ruler_h = 26, title_h = 34;
  const double width = std::max(o_.width, 400);
  axis_.set_pixels(static_cast<float>(header_w + 6), static_cast<float>(width - header_w - 16));
  axis_.set_run_end(run_end);
  if (o_.t1 > o_.t0) {
    axis_.set_range(o_.t0, o_.t1);
  } else {
    axis_.fit(0, static_cast<double>(run_end));
  }
  // Lane colours: the same rule as the app (tasks take hues in creation order).
  int task_index = 0;
  for (const Lane& lane : trace_.lanes()) {
    switch (lane.kind) {
      case LaneKind::Main: lane_colors_.push_back(c_.lane_main); break;
      case LaneKind::Loop: lane_colors_.push_back(c_.lane_loop); break;
      case LaneKind::Thread: lane_colors_.push_back(c_.lane_thread); break;
      case LaneKind::Gen: lane_colors_.push_back(c_.lane_gen); break;
      case LaneKind::Task: lane_colors_.push_back(c_.task_hues[task_index++ % 8]); break;
    }
  }
  const std::vector<LaneId> rows = timeline_rows(trace_, o_.hide_gens);
  TimelineFrame frame;
  build_frame(trace_, axis_, rows, frame, 600);
  const double lane_h = 40, gen_h = 32;
  std::vector<double> row_y;
  double y = title_h + ruler_h;
  for (LaneId id : rows) {
    row_y.push_back(y);
    y += trace_.lanes()[static_cast<std::size_t>(id)].kind == LaneKind::Gen ? gen_h : lane_h;
  }
  const double height = y + 12;

  out_ << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << num(height)
       << "\" viewBox=\"0 0 " << width << ' ' << num(height) << "\" font-family=\"Inter, 'DejaVu Sans', sans-serif\">\n";
  out_ << "<defs>\n";
  for (LaneId id : rows) {
    out_ << "<pattern id=\"hatch" << id << "\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
         << "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"" << hex(lane_color(id))
         << "\" fill-opacity=\"0.14\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"" << hex(lane_color(id))
         << "\" stroke-width=\"3\" stroke-opacity=\"0.75\"/></pattern>\n";
  }
  out_ << "<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
          "orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\""
       << hex(c_.accent) << "\"/></marker>\n";
  out_ << "<clipPath id=\"plot\"><rect x=\"" << axis_.x0() << "\" y=\"" << title_h << "\" width=\"" << axis_.width()
       << "\" height=\"" << num(height - title_h) << "\"/></clipPath>\n</defs>\n";
  rect(0, 0, width, height, c_.bg);

  // Title: the script and what is shown.
  std::string title = trace_.info().script.empty() ? std::string("loopscope timeline") : trace_.info().script;
  title += "   " + format_duration(axis_.start() < 0 ? axis_.end() : axis_.end() - axis_.start()) + " shown of " +
           format_duration(static_cast<double>(run_end));
  text(12, 22, fit(title, static_cast<float>(width - 24), 15), c_.text, 15, "bold");

  // Ruler and grid.
  rect(axis_.x0(), title_h, axis_.x0() + axis_.width(), title_h + ruler_h, c_.header_bg);
  for (const AxisTick& tick : frame.ticks) {
    if (!tick.major) continue;
    out_ << "<line x1=\"" << num(tick.x) << "\" y1=\"" << num(title_h + ruler_h * 0.5) << "\" x2=\"" << num(tick.x)
         << "\" y2=\"" << num(height) << "\" stroke=\"" << hex(c_.grid) << "\"/>\n";
    text(tick.x + 3, title_h + small_ + 3, tick.label, c_.text_dim, small_);
  }

  // Rows: background stripes and headers, then the items clipped to the plot.
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Lane& lane = trace_.lanes()[static_cast<std::size_t>(rows[r])];
    const double y0 = row_y[r], y1 = y0 + (lane.kind == LaneKind::Gen ? gen_h : lane_h);
    if (r % 2) rect(0, y0, width, y1, c_.text, 0.035);
    rect(8, y0 + 5, 12, y1 - 5, lane_color(lane.id));
    const std::string name = lane.kind == LaneKind::Loop ? std::string("event loop") : std::string(trace_.str(lane.name));
    const std::string detail(trace_.str(lane.detail));
    if (!detail.empty() && lane.kind != LaneKind::Gen) {
      text(18, y0 + 17, fit(name, static_cast<float>(header_w - 24), font_), c_.text, font_, "bold");
      text(18, y0 + 32, fit(detail, static_cast<float>(header_w - 24), small_), c_.text_dim, small_);
    } else {
      text(18, (y0 + y1) / 2 + font_ * 0.35, fit(name, static_cast<float>(header_w - 24), font_), c_.text, font_, "bold");
    }
  }
  out_ << "<g clip-path=\"url(#plot)\">\n";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Lane& lane = trace_.lanes()[static_cast<std::size_t>(rows[r])];
    row(lane, frame.rows[r], row_y[r], row_y[r] + (lane.kind == LaneKind::Gen ? gen_h : lane_h));
  }
  // Links as thin arrows between row centres.
  std::vector<double> centre(trace_.lanes().size(), -1);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Lane& lane = trace_.lanes()[static_cast<std::size_t>(rows[r])];
    centre[static_cast<std::size_t>(rows[r])] = row_y[r] + (lane.kind == LaneKind::Gen ? gen_h : lane_h) / 2;
  }
  const double link_opacity = std::clamp(40.0 / std::max<double>(static_cast<double>(frame.links_in_view), 1.0), 0.15, 0.8);
  for (const LinkItem& link : frame.links) {
    const double ya = centre[static_cast<std::size_t>(link.from)], yb = centre[static_cast<std::size_t>(link.to)];
    const double bend = std::max(12.0, std::fabs(static_cast<double>(link.x1 - link.x0)) * 0.3);
    const double dir = link.x1 >= link.x0 ? 1 : -1;
    out_ << "<path d=\"M" << num(link.x0) << ' ' << num(ya) << " C" << num(link.x0 + bend * dir) << ' ' << num(ya)
         << ' ' << num(link.x1 - bend * dir) << ' ' << num(yb) << ' ' << num(link.x1) << ' ' << num(yb)
         << "\" fill=\"none\" stroke=\"" << hex(c_.accent) << "\" stroke-opacity=\"" << link_opacity
         << "\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n";
  }
  if (o_.playhead != kNoEvent && o_.playhead < trace_.events().size()) {
    const double x = axis_.x_of(static_cast<double>(trace_.events()[o_.playhead].t));
    out_ << "<line x1=\"" << num(x) << "\" y1=\"" << title_h << "\" x2=\"" << num(x) << "\" y2=\"" << num(height)
         << "\" stroke=\"" << hex(c_.accent) << "\" stroke-width=\"2\"/>\n";
  }
  out_ << "</g>\n</svg>\n";
  return out_.str();
}

}  // namespace

std::string timeline_svg(const Trace& trace, const TimelineExportOptions& options) {
  return SvgWriter(trace, options).write();
}

bool export_timeline_svg(const Trace& trace, const TimelineExportOptions& options, const std::string& path,
                         std::string* error) {
  std::ofstream file(path, std::ios::binary);
  if (!file) {
    if (error) *error = "cannot write " + path;
    return false;
  }
  file << timeline_svg(trace, options);
  file.close();
  if (!file) {
    if (error) *error = "writing " + path + " failed";
    return false;
  }
  return true;
}

}  // namespace loopscope
