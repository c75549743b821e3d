#include "ui/timeline/row_painter.h"

#include <algorithm>
#include <cmath>

#include "ui/timeline/timeline_describe.h"

namespace loopscope::timeline {

namespace {

// Which instant of a cluster gives the cluster its shape: the most telling one.
int importance(InstantKind kind) {
  switch (kind) {
    case InstantKind::Exception:
    case InstantKind::GenRaise: return 9;
    case InstantKind::Print: return 8;
    case InstantKind::Yield: return 7;
    case InstantKind::TimerLate: return 6;
    case InstantKind::Stall: return 5;
    case InstantKind::Warning: return 5;
    case InstantKind::GenReturn:
    case InstantKind::GenStop:
    case InstantKind::GenClose: return 4;
    case InstantKind::TaskDone: return 3;
    case InstantKind::Receive: return 2;
    case InstantKind::Note: return 1;
    case InstantKind::TaskCreated: return 0;
  }
  return 0;
}

// Marks that need no words: their shape says it (and their tooltip says the rest).
bool wordless(InstantKind kind) {
  return kind == InstantKind::TaskDone || kind == InstantKind::TaskCreated || kind == InstantKind::Receive ||
         kind == InstantKind::Stall || kind == InstantKind::Note;
}

// Printed lines and flags sit on the top line of the row; the rest on its middle.
bool on_top_line(InstantKind kind) {
  return kind == InstantKind::Print || kind == InstantKind::TimerLate || kind == InstantKind::Stall;
}

std::string marker_text(const Trace& trace, const Instant& in) {
  std::string label = instant_label(trace, in);
  if (in.kind == InstantKind::Print) label = "\"" + label + "\"";
  return label;
}

// The box a line of text occupies: a line's height less a pixel above and below, where glyphs
// leave room anyway (a label just above a suspension's band may touch a printed line's box).
Box text_box(float x0, float top, float x1, float size) { return {x0, top + 1.0f, x1, top + size - 1.0f}; }

}  // namespace

void RowPainter::solid_bar(float x0, float x1, Rgba color, bool flagged) {
  canvas.rect({x0, bar_top()}, {x1, bar_bottom()}, color, 2.0f);
  if (flagged) canvas.rect_outline({x0, bar_top()}, {x1, bar_bottom()}, theme.error, 2.5f, 2.0f);
}

void RowPainter::bottom_band(float x0, float x1, Rgba color) {
  canvas.rect({x0, bar_bottom() - band_height()}, {x1, bar_bottom()}, color, 1.0f);
}

void RowPainter::dashed_line(float x0, float x1, float y, Rgba color) {
  // Dashes anchored to x = 0 (they do not crawl while panning), only over the part in view.
  const float dash = std::max(4.0f, style.font * 0.35f), gap = dash * 0.75f;
  const float from = std::max(x0, view_left() - dash - gap), to = std::min(x1, view_right());
  for (float x = std::floor(from / (dash + gap)) * (dash + gap); x < to; x += dash + gap) {
    const float a = std::max(x, x0), b = std::min(x + dash, x1);
    if (b > a) canvas.rect({a, y - 1.0f}, {b, y + 1.0f}, color);
  }
}

void RowPainter::hatched_block(float x0, float x1, Rgba color) {
  const float h = bar_bottom() - bar_top();
  canvas.rect({x0, bar_top()}, {x1, bar_bottom()}, with_alpha(color, 0.14f), 2.0f);
  canvas.hatch({x0, bar_top()}, {x1, bar_bottom()}, with_alpha(color, 0.75f), std::max(6.0f, h * 0.28f), 1.5f);
  canvas.rect_outline({x0, bar_top()}, {x1, bar_bottom()}, with_alpha(color, 0.6f), 1.0f, 2.0f);
}

void RowPainter::blocking_block(float x0, float x1, float top, float bottom) {
  canvas.rect({x0, top}, {x1, bottom}, theme.error, 2.0f);
  canvas.hatch({x0, top}, {x1, bottom}, theme.stripes_on_red, (bottom - top) * 0.5f, 3.0f);
}

RowPainter::PlacedText RowPainter::place_label(float x0, float x1, float centre_y, Font font, Rgba color,
                                               std::string_view text) {
  const float pad_x = 4.0f;
  PlacedText placed;
  if (text.empty()) return placed;
  const float size = canvas.font_size(font);
  const float top = centre_y - size * 0.5f;
  const float start = std::max(x0, view_left()) + pad_x;
  // The first free stretch of the span at the label's height (it slides past markers).
  const Box room = labels.first_free(text_box(start, top, std::min(x1, view_right()) - pad_x, size), size * 1.5f);
  const float left = room.x0, right = room.x1;
  if (right - left < size * 1.5f) return placed;
  // The whole text, else its part before a double space (the detail), else cut; a label that
  // had to slide right of its span's start is only drawn whole.
  const std::string_view head = text.substr(0, text.find("  "));
  const float room_w = right - left;
  if (canvas.text_width(font, text) <= room_w) placed.text = std::string(text);
  else if (canvas.text_width(font, head) <= room_w) placed.text = std::string(head);
  else if (left <= start + 0.5f) placed.text = fit_text(canvas, font, head, room_w);
  // A label cut to a stub ("ti...") says nothing: leave it to the tooltip.
  if (placed.text.size() < std::min<std::size_t>(head.size(), 8) + 3 && placed.text.size() < head.size()) placed.text.clear();
  if (placed.text.empty()) return placed;
  placed.at = {left, top};
  placed.font = font;
  placed.color = color;
  // The box reaches a little past the text: the next label keeps a gap and never reads as one.
  labels.force(text_box(left, top, left + canvas.text_width(font, placed.text) + size * 0.6f, size));
  return placed;
}

void RowPainter::draw(const PlacedText& placed) {
  if (!placed.text.empty()) canvas.text(placed.at, placed.font, placed.text, placed.color);
}

bool RowPainter::label(float x0, float x1, float centre_y, Font font, Rgba color, std::string_view text) {
  const PlacedText placed = place_label(x0, x1, centre_y, font, color, text);
  draw(placed);
  return !placed.text.empty();
}

bool RowPainter::label_centred(float x0, float x1, Font font, Rgba color, std::string_view text) {
  const float left = std::max(x0, view_left()), right = std::min(x1, view_right());
  const float w = canvas.text_width(font, text);
  const float size = canvas.font_size(font);
  if (right - left < w + 16) return false;
  const float cx = (left + right) * 0.5f, cy = label_mid();
  const Box box{cx - w * 0.5f - 4, cy - size * 0.6f, cx + w * 0.5f + 4, cy + size * 0.6f};
  if (!labels.take(box)) return false;
  canvas.rect({box.x0, box.y0}, {box.x1, box.y1}, theme.label_backdrop, 3.0f);
  canvas.text({cx - w * 0.5f, cy - size * 0.5f}, font, text, color);
  return true;
}

void RowPainter::merged_block(const SpanItem& item, Rgba color) {
  const float x1 = std::max(item.x1, item.x0 + 2.0f);
  canvas.rect({item.x0, bar_top() + 2}, {x1, bar_bottom() - 2}, with_alpha(color, 0.45f), 1.0f);
  const float size = canvas.font_size(Font::Small);
  if (x1 - item.x0 > size * 3) label(item.x0, x1, label_mid(), Font::Small, theme.text, std::to_string(item.count) + " spans");
}

Rgba RowPainter::marker_color(InstantKind kind, const Lane& lane) const {
  switch (kind) {
    case InstantKind::Print: return theme.text;
    case InstantKind::Yield: return colors.of(lane.id);
    case InstantKind::Receive: return theme.lane_gen;
    case InstantKind::TimerLate:
    case InstantKind::Stall:
    case InstantKind::Exception:
    case InstantKind::GenRaise: return theme.error;
    case InstantKind::Warning: return theme.warn;
    case InstantKind::TaskDone: return lane.end_how == static_cast<std::uint8_t>(Outcome::Result) ? theme.ok : theme.error;
    default: return theme.text_dim;
  }
}

std::vector<RowPainter::Marker> RowPainter::plan_markers(const Lane& lane, const RowItems& items) {
  struct Planned {
    Marker marker;
    bool top = false;   // on the top line
    std::string full;   // every labelled instant of the cluster
    std::string brief;  // the first one and how many more
  };
  std::vector<Planned> planned;
  std::vector<const InstantItem*> clusters;  // of each planned marker
  planned.reserve(items.instants.size());
  clusters.reserve(items.instants.size());
  const float r = style.marker_r;
  for (const InstantItem& item : items.instants) {
    Planned p;
    p.marker.x = item.x;
    // The cluster's most telling instant gives the shape: its kind, found from the kinds in the
    // cluster however many it holds.
    const std::uint32_t kinds = lane.instants.kinds_in(item.first, item.count);
    for (unsigned k = 0; k < 32; ++k) {
      const auto kind = static_cast<InstantKind>(k);
      if ((kinds >> k & 1u) && (!p.marker.kind || importance(kind) > importance(*p.marker.kind))) p.marker.kind = kind;
    }
    if (!p.marker.kind) continue;
    p.top = top_line && on_top_line(*p.marker.kind);
    p.marker.y = p.top ? (y0 + top_line_bottom()) * 0.5f : mid();
    p.marker.color = marker_color(*p.marker.kind, lane);
    labels.force({p.marker.x - r, p.marker.y - r * 1.1f, p.marker.x + r, p.marker.y + r * 1.1f});  // no label over a marker
    planned.push_back(std::move(p));
    clusters.push_back(&item);
  }
  // Every labelled instant may speak; only clusters with room for a label beside them (their
  // neighbours on the same line are not too close) read their texts, and at most the first
  // kMostRead of them (no label has room for more; the rest only add to "+N"): a zoomed-out
  // frame of a large trace builds no strings for markers a few pixels apart.
  constexpr std::uint32_t kMostRead = 16;
  const float size = canvas.font_size(Marker{}.font);
  std::vector<float> next_x(planned.size());  // of the next marker on the same line
  float after[2] = {view_right() + r + size * 2, view_right() + r + size * 2};
  for (std::size_t i = planned.size(); i-- > 0;) {
    float& next = after[planned[i].top ? 1 : 0];
    next_x[i] = next;
    next = planned[i].marker.x;
  }
  float prev_x[2] = {view_left() - r - size, view_left() - r - size};
  for (std::size_t i = 0; i < planned.size(); ++i) {
    Planned& p = planned[i];
    float& before = prev_x[p.top ? 1 : 0];
    const float x = p.marker.x;
    const bool room_right = (next_x[i] - r) - (x + r + 3) >= size * 1.5f;
    const bool room_left = (x - r - 4) - (before + r) >= size * 0.2f;
    before = x;
    if (!room_right && !room_left) continue;
    const InstantItem& item = *clusters[i];
    std::vector<std::pair<int, std::string>> said;  // (importance, label), most telling first
    const std::uint32_t read = std::min(item.count, kMostRead);
    for (std::uint32_t j = 0; j < read && item.first + j < lane.instants.size(); ++j) {
      const Instant in = lane.instants[item.first + j];
      if (wordless(in.kind)) continue;
      if (std::string text = marker_text(trace, in); !text.empty()) said.emplace_back(importance(in.kind), std::move(text));
    }
    const std::size_t unread = item.count - read;
    std::stable_sort(said.begin(), said.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    p.marker.label_color = said.size() + unread > 1 ? theme.text_dim : theme.text;
    if (!said.empty()) {
      p.full = said.front().second;
      for (std::size_t k = 1; k < said.size(); ++k) p.full += "  " + said[k].second;
      if (unread > 0) p.full += "  +" + std::to_string(unread);
      p.brief = said.size() + unread > 1 ? said.front().second + "  +" + std::to_string(said.size() - 1 + unread) : p.full;
    }
  }
  // Labels left to right: each may reach the next marker at its height, or the view's end.
  std::vector<Marker> markers;
  markers.reserve(planned.size());
  for (Planned& p : planned) {
    if (!p.full.empty()) {
      const Font font = p.marker.font;
      const float size = canvas.font_size(font);
      const float left = p.marker.x + r + 3, top = p.marker.y - size * 0.5f;
      const float right = labels.free_until(text_box(left, top, view_right(), size));
      std::string text;
      // A short value ("0", "42") fits where a cut label would not: it needs only its width.
      if (right - left >= std::min(size * 1.5f, canvas.text_width(font, p.full)))
        text = canvas.text_width(font, p.full) <= right - left ? p.full : fit_text(canvas, font, p.brief, right - left);
      if (text.size() < std::min<std::size_t>(p.brief.size(), 8) + 3 && text.size() < p.brief.size()) text.clear();  // a stub
      // At the right edge (the end of a run), the whole label may fit on the left instead.
      const float w = canvas.text_width(font, p.brief);
      const Box left_box = text_box(p.marker.x - r - 4 - w, top, p.marker.x - r - 2, size);
      if (canvas.text_width(font, text) < w && left_box.x0 > view_left() && labels.take(left_box)) {
        p.marker.label = p.brief;
        p.marker.label_left = true;
      } else if (!text.empty()) {
        labels.force(text_box(left - 1, top, left + canvas.text_width(font, text) + 2, size));
        p.marker.label = std::move(text);
      }
    }
    markers.push_back(std::move(p.marker));
  }
  return markers;
}

void RowPainter::paint_markers(const std::vector<Marker>& markers) {
  const float r = style.marker_r;
  for (const Marker& m : markers) {
    const float x = m.x, y = m.y;
    const Rgba outline = with_alpha(theme.panel, 0.9f);
    switch (*m.kind) {
      case InstantKind::Print:  // a speech tab
        canvas.rect({x - r * 0.9f, y - r}, {x + r * 0.9f, y + r * 0.4f}, m.color, 2.0f);
        canvas.triangle({x - r * 0.4f, y + r * 0.4f}, {x + r * 0.3f, y + r * 0.4f}, {x - r * 0.5f, y + r * 1.1f}, m.color);
        break;
      case InstantKind::Yield:  // a diamond: a value leaves the frame
        canvas.quad({x, y - r}, {x + r, y}, {x, y + r}, {x - r, y}, m.color);
        canvas.quad_outline({x, y - r}, {x + r, y}, {x, y + r}, {x - r, y}, outline, 1.0f);
        break;
      case InstantKind::Receive: {  // a small hollow diamond: a value arrives
        const float s = r * 0.6f;
        canvas.quad_outline({x, y - s}, {x + s, y}, {x, y + s}, {x - s, y}, m.color, 1.5f);
        break;
      }
      case InstantKind::TimerLate:
      case InstantKind::Stall:  // a flag
        canvas.line({x, y - r * 1.2f}, {x, y + r * 1.2f}, m.color, 2.0f);
        canvas.triangle({x, y - r * 1.2f}, {x + r * 1.3f, y - r * 0.6f}, {x, y}, m.color);
        break;
      case InstantKind::Exception:
      case InstantKind::GenRaise:  // a cross in a disc
        canvas.circle({x, y}, r, m.color);
        canvas.line({x - r * 0.5f, y - r * 0.5f}, {x + r * 0.5f, y + r * 0.5f}, theme.text_on_dark, 2.0f);
        canvas.line({x - r * 0.5f, y + r * 0.5f}, {x + r * 0.5f, y - r * 0.5f}, theme.text_on_dark, 2.0f);
        break;
      case InstantKind::Warning:
        canvas.triangle({x, y - r}, {x + r, y + r * 0.8f}, {x - r, y + r * 0.8f}, m.color);
        break;
      case InstantKind::TaskCreated:
        canvas.ring({x, y}, r * 0.7f, m.color, 2.0f);
        break;
      case InstantKind::TaskDone:
        canvas.rect({x - 1.5f, y - r * 1.3f}, {x + 1.5f, y + r * 1.3f}, m.color);
        break;
      default:  // return, StopIteration, close(), notes: a square
        canvas.rect({x - r * 0.7f, y - r * 0.7f}, {x + r * 0.7f, y + r * 0.7f}, m.color, 1.0f);
    }
    if (m.label.empty()) continue;
    const float size = canvas.font_size(m.font);
    const float w = canvas.text_width(m.font, m.label);
    const Vec2 at{m.label_left ? x - r - 3 - w : x + r + 3, y - size * 0.5f};
    canvas.rect({at.x - 1, at.y}, {at.x + w + 2, at.y + size}, theme.label_backdrop, 2.0f);
    canvas.text(at, m.font, m.label, m.label_color);
  }
}

}  // namespace loopscope::timeline
