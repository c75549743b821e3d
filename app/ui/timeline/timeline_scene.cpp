#include "ui/timeline/timeline_scene.h"

#include <algorithm>
#include <cmath>

#include "core/lod.h"
#include "ui/timeline/timeline_describe.h"

namespace loopscope::timeline {

namespace {

bool has_loop(const Trace& trace) {
  return std::any_of(trace.lanes().begin(), trace.lanes().end(), [](const Lane& l) { return l.kind == LaneKind::Loop; });
}

bool any_user_task(const Trace& trace) {
  return std::any_of(trace.lanes().begin(), trace.lanes().end(),
                     [](const Lane& l) { return l.kind == LaneKind::Task && l.user_code; });
}

// The group a lane is folded into. Library tasks fold only when some task ran the user's code
// (else they are all there is to see).
LaneGroup group_of(const Lane& lane, bool user_tasks) {
  if (lane.kind == LaneKind::Gen) return LaneGroup::Generators;
  if (lane.kind == LaneKind::Task && !lane.user_code && user_tasks) return LaneGroup::Library;
  return LaneGroup::None;
}

// The event that stands for a span when it is clicked.
EventIndex span_event(const Span& span) { return span.begin_event != kNoEvent ? span.begin_event : span.end_event; }

Rgba link_color(const Theme& theme, LinkKind kind) {
  switch (kind) {
    case LinkKind::Woke: return theme.accent;
    case LinkKind::JobStart:
    case LinkKind::JobDone: return theme.warn;
    case LinkKind::Drove: return theme.text_faint;
    case LinkKind::Created:
    case LinkKind::TimerFired: return theme.text_dim;
  }
  return theme.accent;
}

void arrow_head(Canvas& canvas, Vec2 tip, Vec2 from, Rgba color, float size) {
  float dx = tip.x - from.x, dy = tip.y - from.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 0.001f) return;
  dx /= len;
  dy /= len;
  const Vec2 base{tip.x - dx * size, tip.y - dy * size};
  canvas.triangle(tip, {base.x - dy * size * 0.5f, base.y + dx * size * 0.5f}, {base.x + dy * size * 0.5f, base.y - dx * size * 0.5f},
                  color);
}

std::string end_note(const Lane& lane) {
  if (lane.kind != LaneKind::Task || lane.ended_at == kNoEvent) return {};
  switch (static_cast<Outcome>(lane.end_how)) {
    case Outcome::Result: return "  (done)";
    case Outcome::Cancelled: return "  (cancelled)";
    case Outcome::Exception: return "  (failed)";
  }
  return {};
}

}  // namespace

bool worth_a_row(const Trace& trace, const Lane& lane) {
  const bool host = lane.kind == LaneKind::Thread || (lane.kind == LaneKind::Main && has_loop(trace));
  return !host || !lane.spans.empty() || !lane.overlays.empty() || !lane.instants.empty();
}

void TimelineScene::sync(const Trace& trace, const Theme& theme) {
  const auto& lanes = trace.lanes();
  // A trace that replaced the last one may have other kinds of lanes at the same ids.
  const bool same = item_kinds_.size() <= lanes.size() &&
                    std::equal(item_kinds_.begin(), item_kinds_.end(), lanes.begin(),
                               [](LaneKind kind, const Lane& lane) { return kind == lane.kind; });
  if (!same) {
    items_.clear();
    item_kinds_.clear();
  }
  while (items_.size() < lanes.size()) {
    item_kinds_.push_back(lanes[items_.size()].kind);
    items_.push_back(make_lane_item(item_kinds_.back()));
  }
  names_.refresh(trace);
  colors_.refresh(trace, theme);
}

float TimelineScene::full_height(const Trace& trace, const TimelineStyle& style, const TimelineOptions& options) {
  TimelineScene scene;
  scene.style_ = style;
  scene.sync(trace, emergency_theme());
  scene.build_rows(trace, options, 0);
  const float title = options.title.empty() ? 0 : std::round(style.font * 2.0f);
  return title + style.ruler_h + scene.content_h_ + style.font * 0.5f;
}

void TimelineScene::build_rows(const Trace& trace, const TimelineOptions& options, float top) {
  const auto& lanes = trace.lanes();
  rows_.clear();
  shown_.clear();
  centre_y_.assign(lanes.size(), -1.0f);
  std::fill(group_sizes_.begin(), group_sizes_.end(), 0);
  const bool user_tasks = any_user_task(trace);
  for (const Lane& lane : lanes) ++group_sizes_[static_cast<std::size_t>(group_of(lane, user_tasks))];

  float y = top;
  const auto add_lane = [&](const Lane& lane, LaneGroup group) {
    const float h = items_[static_cast<std::size_t>(lane.id)]->height(style_);
    rows_.push_back({lane.id, group, y, y + h});
    centre_y_[static_cast<std::size_t>(lane.id)] = y + h * 0.5f;
    shown_.push_back(lane.id);
    y += h;
  };
  const auto add_group = [&](LaneGroup group, bool open, auto&& member) {
    if (group_sizes_[static_cast<std::size_t>(group)] == 0) return;
    rows_.push_back({kNoLane, group, y, y + style_.group_h});
    y += style_.group_h;
    if (!open) return;
    for (const Lane& lane : lanes)
      if (member(lane)) add_lane(lane, group);
  };
  // main, the loops, the tasks of the user's code, the library tasks, worker threads, generators.
  for (LaneKind kind : {LaneKind::Main, LaneKind::Loop, LaneKind::Task})
    for (const Lane& lane : lanes)
      if (lane.kind == kind && group_of(lane, user_tasks) == LaneGroup::None && worth_a_row(trace, lane))
        add_lane(lane, LaneGroup::None);
  add_group(LaneGroup::Library, options.show_library,
            [&](const Lane& l) { return group_of(l, user_tasks) == LaneGroup::Library; });
  for (const Lane& lane : lanes)
    if (lane.kind == LaneKind::Thread && worth_a_row(trace, lane)) add_lane(lane, LaneGroup::None);
  add_group(LaneGroup::Generators, options.show_generators, [](const Lane& l) { return l.kind == LaneKind::Gen; });
  content_h_ = y - top;
}

void TimelineScene::layout(const Trace& trace, TimeAxis& axis, const TimelineStyle& style, const TimelineOptions& options,
                           Rect area, float scroll_y) {
  style_ = style;
  options_ = options;
  area_ = area;
  title_h_ = options.title.empty() ? 0 : std::round(style.font * 2.0f);
  rows_top_ = area.y + title_h_ + style.ruler_h;
  const float header_w = std::min(style.header_w, area.w * 0.45f);
  style_.header_w = header_w;
  axis.set_pixels(area.x + header_w + style.gap, std::max(40.0f, area.w - header_w - style.gap - 8.0f));
  build_rows(trace, options, rows_top_ - scroll_y);
  build_frame(trace, axis, shown_, frame_, 4000, style.small * 5.5f);
}

const Row* TimelineScene::row_of(LaneId lane) const {
  for (const Row& row : rows_)
    if (row.lane == lane && lane != kNoLane) return &row;
  return nullptr;
}

std::size_t TimelineScene::group_size(LaneGroup group) const { return group_sizes_[static_cast<std::size_t>(group)]; }

std::size_t TimelineScene::rows_below_view() const {
  std::size_t n = 0;
  for (const Row& row : rows_) n += row.lane != kNoLane && row.y1 > area_.bottom() + 1;
  return n;
}

std::string TimelineScene::group_title(LaneGroup group) const {
  const std::string n = std::to_string(group_size(group));
  switch (group) {
    case LaneGroup::Library: return "library tasks (" + n + ")";
    case LaneGroup::Generators: return "generators (" + n + ")";
    case LaneGroup::None: break;
  }
  return {};
}

void TimelineScene::paint(Canvas& canvas, const Trace& trace, const Theme& theme, const TimeAxis& axis,
                          const PaintState& state) {
  canvas.push_clip({area_.x, area_.y}, {area_.right(), area_.bottom()});
  canvas.rect({area_.x, area_.y}, {area_.right(), area_.bottom()}, theme.panel);
  if (trace.empty()) {
    const float w = canvas.text_width(Font::Label, state.empty_hint);
    canvas.text({area_.x + (area_.w - w) * 0.5f, area_.y + area_.h * 0.4f}, Font::Label, state.empty_hint, theme.text_dim);
    canvas.pop_clip();
    return;
  }
  // Row backgrounds: every other row tinted, the selected lane in the accent.
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const Row& row = rows_[i];
    if (row.y1 < rows_top_ || row.y0 > area_.bottom()) continue;
    Rgba bg = i % 2 ? theme.row_alt : 0;
    if (row.lane != kNoLane && row.lane == state.selected_lane) bg = theme.accent_soft;
    if (bg) canvas.rect({area_.x, std::max(row.y0, rows_top_)}, {area_.right(), row.y1}, bg);
  }
  if (title_h_ > 0)
    canvas.text({area_.x + style_.font * 0.75f, area_.y + (title_h_ - style_.font) * 0.5f}, Font::Bold,
                fit_text(canvas, Font::Bold, options_.title, area_.w - style_.font * 1.5f), theme.text);
  paint_ruler(canvas, theme, axis);

  canvas.push_clip({axis.x0(), rows_top_}, {axis.x0() + axis.width(), area_.bottom()});
  paint_rows(canvas, trace, theme, axis);
  paint_links(canvas, trace, theme);
  paint_unrecorded(canvas, trace, theme, axis);
  if (state.range_drag) {
    const float a = std::min(state.range_x0, state.range_x1), b = std::max(state.range_x0, state.range_x1);
    canvas.rect({a, rows_top_}, {b, area_.bottom()}, theme.accent_soft);
    canvas.rect_outline({a, rows_top_}, {b, area_.bottom()}, theme.accent, 1.0f);
    canvas.text({a + 4, rows_top_ + 4}, Font::Label, format_duration(axis.t_of(b) - axis.t_of(a)), theme.text);
  }
  canvas.pop_clip();

  paint_playhead(canvas, trace, theme, axis, state.playhead);
  paint_headers(canvas, trace, theme, state.selected_lane);
  paint_quiz(canvas, theme, state.quiz);
  paint_scroll_hint(canvas, theme);
  canvas.pop_clip();
}

// After the event budget, only the end of the run was recorded: the time between is shaded and
// says so, rather than looking like a quiet stretch of the run.
void TimelineScene::paint_unrecorded(Canvas& canvas, const Trace& trace, const Theme& theme, const TimeAxis& axis) const {
  const Nanos cut = trace.info().recorded_until;
  if (cut < 0 || trace.end_time() <= cut) return;
  const float x0 = std::max(axis.x_of(static_cast<double>(cut)), axis.x0());
  const float x1 = std::min(axis.x_of(static_cast<double>(trace.end_time())), axis.x0() + axis.width());
  if (x1 <= x0) return;
  canvas.rect({x0, rows_top_}, {x1, area_.bottom()}, with_alpha(theme.panel, 0.9f));
  canvas.line({x0, rows_top_}, {x0, area_.bottom()}, theme.warn, 2.0f);
  const std::string label = "not recorded: the trace reached its event budget";
  const float pad = style_.font * 0.5f;
  const std::string shown = fit_text(canvas, Font::Label, label, x1 - x0 - 2 * pad);
  if (!shown.empty()) canvas.text({x0 + pad, rows_top_ + pad}, Font::Label, shown, theme.warn);
}

void TimelineScene::paint_quiz(Canvas& canvas, const Theme& theme, const QuizMarks& quiz) const {
  const auto outline = [&](LaneId lane, Rgba color, float thickness) {
    const Row* row = row_of(lane);
    if (!row || row->y1 < rows_top_ || row->y0 > area_.bottom()) return;
    const float inset = thickness * 0.5f + 1.0f;
    canvas.rect_outline({area_.x + inset, std::max(row->y0, rows_top_) + inset},
                        {area_.right() - inset, row->y1 - inset}, color, thickness, 4.0f);
  };
  canvas.push_clip({area_.x, rows_top_}, {area_.right(), area_.bottom()});
  for (LaneId lane : quiz.offered)
    if (lane != quiz.answer && lane != quiz.wrong) outline(lane, with_alpha(theme.accent, 0.8f), 2.0f);
  if (quiz.wrong != kNoLane) outline(quiz.wrong, theme.error, 3.0f);
  if (quiz.answer != kNoLane) outline(quiz.answer, theme.ok, 3.0f);
  canvas.pop_clip();
}

void TimelineScene::paint_rows(Canvas& canvas, const Trace& trace, const Theme& theme, const TimeAxis& axis) {
  const Nanos open_end = open_end_time(trace);
  for (std::size_t r = 0; r < shown_.size(); ++r) {
    const LaneId id = shown_[r];
    const Row* row = row_of(id);
    if (!row || row->y1 < rows_top_ || row->y0 > area_.bottom()) continue;
    labels_.clear();
    RowPainter painter{canvas, trace, axis, theme, colors_, names_, style_, open_end, labels_, row->y0, row->y1};
    const Lane& lane = *trace.lane(id);
    items_[static_cast<std::size_t>(id)]->paint_row(painter, lane, frame_.rows[r]);
  }
}

void TimelineScene::paint_ruler(Canvas& canvas, const Theme& theme, const TimeAxis& axis) const {
  const float left = axis.x0(), right = axis.x0() + axis.width();
  const float y0 = rows_top_ - style_.ruler_h, y1 = rows_top_;
  canvas.rect({left, y0}, {right, y1}, theme.raised);
  canvas.line({left, y1}, {right, y1}, theme.border, 1.0f);
  canvas.push_clip({left, y0}, {right, area_.bottom()});
  float label_end = left - 1e6f;  // where the last label drawn ends
  for (const AxisTick& tick : frame_.ticks) {
    if (tick.x < left - 1 || tick.x > right + 1) continue;
    const float len = tick.major ? (y1 - y0) * 0.45f : (y1 - y0) * 0.2f;
    canvas.line({tick.x, y1 - len}, {tick.x, y1}, tick.major ? theme.text_dim : theme.text_faint, 1.0f);
    if (!tick.major) continue;
    canvas.line({tick.x, y1}, {tick.x, area_.bottom()}, theme.grid, 1.0f);
    const float w = canvas.text_width(Font::Small, tick.label);
    float x = tick.x + 3;
    if (x + w > right) x = tick.x - w - 3;  // the last label stays inside
    if (x < label_end) continue;             // ... unless that would overprint the one before
    canvas.text({x, y0 + 2}, Font::Small, tick.label, theme.text_dim);
    label_end = x + w + style_.small * 0.5f;
  }
  canvas.pop_clip();
}

void TimelineScene::paint_links(Canvas& canvas, const Trace& trace, const Theme& theme) const {
  if (frame_.links.empty()) return;
  // Full strength up to ~40 arrows in view, fading to a hint beyond a few hundred.
  const float alpha = std::clamp(40.0f / std::max(static_cast<float>(frame_.links_in_view), 1.0f), 0.12f, 0.85f);
  const auto& links = trace.links();
  // Level of detail for arrows: of several between the same two lanes within a few pixels
  // (a burst of short thread jobs), one is drawn.
  struct Drawn {
    LaneId from, to;
    float x;
  };
  std::vector<Drawn> recent;
  const float min_gap = style_.font * 0.5f;
  for (const LinkItem& item : frame_.links) {
    const Link& link = links[item.link];
    // Generator drives sit next to their driver: drawn, they only add vertical noise (the
    // pulling band tells it).
    if (link.kind == LinkKind::Drove) continue;
    const auto near = [&](const Drawn& d) {
      return ((d.from == item.from && d.to == item.to) || (d.from == item.to && d.to == item.from)) &&
             std::fabs(d.x - item.x0) < min_gap;
    };
    if (std::any_of(recent.begin(), recent.end(), near)) continue;
    if (recent.size() >= 32) recent.erase(recent.begin());
    recent.push_back({item.from, item.to, item.x0});
    const float ya = centre_y_[static_cast<std::size_t>(item.from)], yb = centre_y_[static_cast<std::size_t>(item.to)];
    if (ya < 0 || yb < 0) continue;
    const Vec2 a{item.x0, ya}, b{item.x1, yb};
    const Rgba color = with_alpha(link_color(theme, link.kind), alpha);
    const float bend = std::max(12.0f, std::fabs(b.x - a.x) * 0.3f);
    const float dir = b.x >= a.x ? 1.0f : -1.0f;
    canvas.curve(a, {a.x + bend * dir, a.y}, {b.x - bend * dir, b.y}, b, color, 1.5f);
    arrow_head(canvas, b, {b.x - bend * dir, b.y}, color, 7.0f);
  }
}

void TimelineScene::paint_playhead(Canvas& canvas, const Trace& trace, const Theme& theme, const TimeAxis& axis,
                                   EventIndex playhead) const {
  if (playhead == kNoEvent || playhead >= trace.events().size()) return;
  const Event& e = trace.events()[playhead];
  const float x = axis.x_of(static_cast<double>(e.t));
  if (x < axis.x0() - 1 || x > axis.x0() + axis.width() + 1) return;
  const float top = rows_top_ - style_.ruler_h;
  canvas.line({x, top}, {x, area_.bottom()}, theme.accent, 2.0f);
  const float s = style_.font * 0.45f;
  canvas.triangle({x - s, top}, {x + s, top}, {x, top + s * 1.4f}, theme.accent);
  // The current event: a ring on its lane, its span outlined.
  const Row* row = row_of(e.lane);
  if (!row || row->y1 < rows_top_) return;
  const Lane& lane = *trace.lane(e.lane);
  canvas.push_clip({axis.x0(), rows_top_}, {axis.x0() + axis.width(), area_.bottom()});
  const auto [b, en] = visible_span_range(lane.spans, static_cast<double>(e.t), static_cast<double>(e.t));
  for (std::size_t i = b; i < en; ++i) {
    const Span& sp = lane.spans[i];
    if (sp.begin_event != playhead && sp.end_event != playhead && sp.kind != SpanKind::Step) continue;
    const Nanos end = sp.end == kOpenEnd ? trace.end_time() : sp.end;
    canvas.rect_outline({axis.x_of(static_cast<double>(sp.start)) - 1, row->y0 + 1},
                        {axis.x_of(static_cast<double>(end)) + 1, row->y1 - 1}, theme.accent, 2.0f, 3.0f);
    break;
  }
  canvas.ring({x, (row->y0 + row->y1) * 0.5f}, style_.font * 0.45f, theme.accent, 3.0f);
  canvas.pop_clip();
}

void TimelineScene::paint_headers(Canvas& canvas, const Trace& trace, const Theme& theme, LaneId selected) const {
  const float x0 = area_.x, x1 = area_.x + style_.header_w;
  canvas.rect({x0, area_.y + title_h_}, {x1, area_.bottom()}, theme.raised);
  canvas.line({x1, area_.y + title_h_}, {x1, area_.bottom()}, theme.border, 1.0f);
  canvas.push_clip({x0, rows_top_}, {x1, area_.bottom()});
  const float pad = 8.0f;
  const float font = canvas.font_size(Font::Bold), small = canvas.font_size(Font::Small);
  for (const Row& row : rows_) {
    if (row.y1 < rows_top_ || row.y0 > area_.bottom()) continue;
    const float cy = (row.y0 + row.y1) * 0.5f;
    if (row.lane == kNoLane) {  // a group header: a disclosure triangle and a count
      const bool open = row.group == LaneGroup::Library ? options_.show_library : options_.show_generators;
      const float s = style_.font * 0.3f;
      if (open) {
        canvas.triangle({x0 + pad, cy - s * 0.7f}, {x0 + pad + s * 2, cy - s * 0.7f}, {x0 + pad + s, cy + s * 0.8f}, theme.text_dim);
      } else {
        canvas.triangle({x0 + pad, cy - s}, {x0 + pad + s * 1.6f, cy}, {x0 + pad, cy + s}, theme.text_dim);
      }
      const float tx = x0 + pad + s * 3;
      canvas.text({tx, cy - small * 0.5f}, Font::Small, fit_text(canvas, Font::Small, group_title(row.group), x1 - tx - pad),
                  theme.text_dim);
      continue;
    }
    const Lane& lane = *trace.lane(row.lane);
    if (row.lane == selected) canvas.rect({x0, row.y0}, {x1, row.y1}, theme.accent_soft);
    const float chip_w = std::max(4.0f, style_.font * 0.3f);
    canvas.rect({x0 + 4, row.y0 + 4}, {x0 + 4 + chip_w, row.y1 - 4}, colors_.of(row.lane), 2.0f);
    const float tx = x0 + 4 + chip_w + 6 + (row.group != LaneGroup::None ? style_.font * 0.5f : 0.0f);
    const float room = x1 - tx - 4;
    const float h = row.y1 - row.y0;
    const std::string& title = names_.title(row.lane);
    // The subtitle whole, or its first part ("Task-3"), or none: never a cut one.
    std::string subtitle = names_.subtitle(row.lane) + end_note(lane);
    if (canvas.text_width(Font::Small, subtitle) > room) subtitle = names_.subtitle(row.lane);
    if (canvas.text_width(Font::Small, subtitle) > room) subtitle = subtitle.substr(0, subtitle.find(" \xC2\xB7"));
    if (canvas.text_width(Font::Small, subtitle) > room) subtitle.clear();
    if (h >= font + small + 4 && !subtitle.empty()) {
      const float top = row.y0 + (h - font - small) * 0.5f;
      canvas.text({tx, top}, Font::Bold, fit_text(canvas, Font::Bold, title, room), theme.text);
      canvas.text({tx, top + font}, Font::Small, subtitle, theme.text_dim);
    } else {
      canvas.text({tx, row.y0 + (h - font) * 0.5f}, Font::Bold, fit_text(canvas, Font::Bold, title, room), theme.text);
    }
  }
  canvas.pop_clip();
}

void TimelineScene::paint_scroll_hint(Canvas& canvas, const Theme& theme) const {
  const std::size_t below = rows_below_view();
  if (below == 0) return;
  // A shade along the bottom and a count in the names column: more lanes are down there.
  const float h = style_.font * 1.6f;
  for (int i = 0; i < 4; ++i) {
    const float y = area_.bottom() - h * static_cast<float>(4 - i) / 4.0f;
    canvas.rect({area_.x, y}, {area_.right(), area_.bottom()}, fade(theme.scroll_shade, 0.25f));
  }
  const std::string text = "\xE2\x96\xBC " + std::to_string(below) + (below == 1 ? " more lane" : " more lanes") + " below";
  const float small = canvas.font_size(Font::Small);
  const float w = canvas.text_width(Font::Small, text);
  const float x = area_.x + 6, y = area_.bottom() - small - 6;
  canvas.rect({x - 3, y - 2}, {x + w + 3, y + small + 2}, theme.label_backdrop, 3.0f);
  canvas.text({x, y}, Font::Small, text, theme.text);
}

Hit TimelineScene::hit(const Trace& trace, const TimeAxis& axis, float mx, float my) const {
  Hit hit;
  hit.t = static_cast<Nanos>(std::max(0.0, axis.t_of(mx)));
  hit.in_plot = mx >= axis.x0() && mx <= axis.x0() + axis.width();
  hit.header = mx >= area_.x && mx < area_.x + style_.header_w;
  if (my < rows_top_) {
    hit.ruler = my >= rows_top_ - style_.ruler_h && hit.in_plot;
    return hit;
  }
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    const Row& row = rows_[r];
    if (my < row.y0 || my >= row.y1) continue;
    if (row.lane == kNoLane) {
      hit.group = row.group;
      const bool open = row.group == LaneGroup::Library ? options_.show_library : options_.show_generators;
      hit.tooltip = std::string(open ? "Click to fold " : "Click to show ") +
                    (row.group == LaneGroup::Library ? "the tasks that only ran library code" : "the generator lanes");
      return hit;
    }
    hit.lane = row.lane;
    const Lane& lane = *trace.lane(row.lane);
    if (hit.header) {
      hit.tooltip = trace.display_name(row.lane) + "\n" + std::to_string(lane.spans.size()) + " spans, " +
                    std::to_string(lane.instants.size()) + " markers\nClick to select this lane (Shift+Left/Right steps within it)";
      return hit;
    }
    const auto at = std::find(shown_.begin(), shown_.end(), row.lane);
    if (at == shown_.end()) return hit;
    const RowItems& items = frame_.rows[static_cast<std::size_t>(at - shown_.begin())];
    // Markers first (small, on top), then overlays, then spans.
    const float reach = std::max(5.0f, style_.font * 0.4f);
    for (const InstantItem& item : items.instants) {
      if (std::fabs(item.x - mx) > reach) continue;
      const Instant& in = lane.instants[item.first];
      hit.event = in.event;
      hit.tooltip = item.count > 1 ? cluster_tooltip(trace, lane, item.first, item.count) : instant_tooltip(trace, lane, in);
      return hit;
    }
    const auto hit_span = [&](const std::vector<SpanItem>& list, const SpanList& spans) {
      for (const SpanItem& item : list) {
        if (mx < item.x0 - 1 || mx > std::max(item.x1, item.x0 + 2) + 1) continue;
        const Span& s = spans[item.first];
        hit.event = span_event(s);
        hit.tooltip = item.merged() ? merged_tooltip(lane, item.count, item.start, item.end, trace)
                                    : span_tooltip(trace, lane, s, open_end_time(trace));
        return true;
      }
      return false;
    };
    const float yc = (row.y0 + row.y1) * 0.5f, h = row.y1 - row.y0;
    if (std::fabs(my - yc) < h * 0.35f && hit_span(items.overlays, lane.overlays)) return hit;
    hit_span(items.spans, lane.spans);
    return hit;
  }
  return hit;
}

}  // namespace loopscope::timeline
