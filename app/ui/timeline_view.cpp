// The timeline panel: layout of rows, mouse gestures, hover and the playhead. Colours and
// primitives live in timeline_paint.cpp, a lane's row in timeline_lanes.cpp, the toolbar and
// keys in timeline_toolbar.cpp.
#include "ui/timeline_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "platform/fonts.h"
#include "ui/timeline_describe.h"
#include "ui/timeline_draw.h"

namespace loopscope {

namespace {

ImFont* font_or_default(ImFont* font) { return font ? font : ImGui::GetFont(); }

std::string lane_title(const Trace& trace, const Lane& lane) {
  switch (lane.kind) {
    case LaneKind::Loop: return "event loop";
    default: return std::string(trace.str(lane.name));
  }
}

// The second line of a lane header: coroutine, thread name, generator kind, end state.
std::string lane_subtitle(const Trace& trace, const Lane& lane) {
  std::string detail(trace.str(lane.detail));
  switch (lane.kind) {
    case LaneKind::Main: return "top-level code";
    case LaneKind::Loop: return "callbacks and task steps";
    case LaneKind::Task: {
      if (lane.ended_at != kNoEvent) {
        const auto how = static_cast<Outcome>(lane.end_how);
        detail += how == Outcome::Result ? "  (done)" : how == Outcome::Cancelled ? "  (cancelled)" : "  (failed)";
      }
      return detail;
    }
    case LaneKind::Thread: return detail.empty() ? "worker thread" : detail;
    case LaneKind::Gen: return detail;
  }
  return detail;
}

// The event that best stands for a span when it is clicked.
EventIndex span_event(const Span& span) { return span.begin_event != kNoEvent ? span.begin_event : span.end_event; }

}  // namespace

void TimelineView::Draw(const Trace& trace, Playhead& playhead, Selection& selection, bool live) {
  lane_colors_.refresh(trace);
  HandleKeys(trace, playhead, selection);
  DrawToolbar(trace, playhead, selection, live);
  // Playback moves the playhead between frames: keep it in view (follow-live fits instead).
  if (playhead.playing() && playhead.position() != last_position_) KeepVisible(trace, playhead.position());
  DrawCanvas(trace, playhead, selection, live);
  last_position_ = playhead.position();
  if (show_shortcuts) DrawShortcutsOverlay();
}

void TimelineView::LayoutRows(const Trace& trace, float top, float font_size) {
  rows_ = timeline_rows(trace, false);
  layout_.clear();
  lane_center_y_.assign(trace.lanes().size(), -1.0f);
  const float lane_h = std::round(font_size * 2.3f);
  const float gen_h = std::round(font_size * 1.9f);
  const float group_h = std::round(font_size * 1.5f);
  float y = top - scroll_y_;
  std::vector<LaneId> shown;
  bool group_done = false;
  for (LaneId id : rows_) {
    const Lane& lane = trace.lanes()[static_cast<std::size_t>(id)];
    if (lane.kind == LaneKind::Gen) {
      if (!group_done) {
        layout_.push_back({kNoLane, y, y + group_h});
        y += group_h;
        group_done = true;
      }
      if (hide_gens) continue;
    }
    const float h = lane.kind == LaneKind::Gen ? gen_h : lane_h;
    layout_.push_back({id, y, y + h});
    lane_center_y_[static_cast<std::size_t>(id)] = y + h * 0.5f;
    shown.push_back(id);
    y += h;
  }
  rows_ = std::move(shown);
  content_h_ = y + scroll_y_ - top;
}

void TimelineView::DrawCanvas(const Trace& trace, Playhead& playhead, Selection& selection, bool live) {
  const auto& fonts = platform::fonts();
  const float font_size = ImGui::GetFontSize();
  ImFont* small = font_or_default(fonts.small);
  const float small_size = small == ImGui::GetFont() ? font_size * 0.85f : small->FontSize;

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  canvas_x_ = origin.x;
  canvas_y_ = origin.y;
  canvas_w_ = std::max(avail.x, 240.0f);
  canvas_h_ = std::max(avail.y, 120.0f);
  header_w_ = std::clamp(font_size * 11.0f, 130.0f, canvas_w_ * 0.3f);
  const float ruler_h = std::round(small_size + 12.0f);
  rows_top_ = canvas_y_ + ruler_h;

  // The axis follows the run: fit on a new trace or on request, grow with a live run.
  const Nanos run_end = std::max<Nanos>(trace.end_time(), 1000);
  axis_.set_pixels(canvas_x_ + header_w_ + 6.0f, canvas_w_ - header_w_ - 14.0f);
  axis_.set_run_end(run_end);
  if (trace.events().size() < last_event_count_) fit_requested_ = true;  // a new run replaced it
  if (fit_requested_ && !trace.empty()) {
    axis_.fit(0, static_cast<double>(run_end));
    fit_requested_ = false;
  } else if (live && playhead.follow_live() && static_cast<double>(run_end) > axis_.end()) {
    axis_.fit(0, static_cast<double>(run_end) * 1.1);
  }
  last_event_count_ = trace.events().size();

  const float max_scroll = std::max(0.0f, content_h_ - (canvas_h_ - ruler_h));
  scroll_y_ = std::clamp(scroll_y_, 0.0f, max_scroll);
  LayoutRows(trace, rows_top_, font_size);

  ImGui::InvisibleButton("##timeline_canvas", ImVec2(canvas_w_, canvas_h_),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                             ImGuiButtonFlags_MouseButtonMiddle);
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  HandleMouse(trace, playhead, selection, hovered, active);

  build_frame(trace, axis_, rows_, frame_);
  const timeline::Colors colors = timeline::Colors::from_theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const timeline::DrawContext ctx{trace, axis_, dl, colors, lane_colors_, font_or_default(fonts.ui), font_size,
                                  small, small_size, open_end_time(trace)};

  const ImVec2 canvas_max(canvas_x_ + canvas_w_, canvas_y_ + canvas_h_);
  dl->PushClipRect(ImVec2(canvas_x_, canvas_y_), canvas_max, true);
  dl->AddRectFilled(ImVec2(canvas_x_, canvas_y_), canvas_max, colors.bg);

  if (trace.empty()) {
    const char* hint = "Run the program: its tasks, suspensions and threads appear here.";
    const ImVec2 size = ImGui::CalcTextSize(hint);
    dl->AddText(ImVec2(canvas_x_ + (canvas_w_ - size.x) * 0.5f, canvas_y_ + canvas_h_ * 0.4f), colors.text_dim, hint);
    dl->PopClipRect();
    return;
  }

  // Row backgrounds (alternating, the selected lane tinted), then the ruler and grid.
  for (std::size_t i = 0; i < layout_.size(); ++i) {
    const Row& row = layout_[i];
    if (row.y1 < rows_top_ || row.y0 > canvas_max.y) continue;
    ImU32 bg = i % 2 ? colors.row_alt : 0;
    if (row.lane != kNoLane && row.lane == selection.lane) bg = colors.accent_soft;
    if (bg) dl->AddRectFilled(ImVec2(canvas_x_, row.y0), ImVec2(canvas_max.x, row.y1), bg);
  }
  timeline::draw_ruler(ctx, frame_.ticks, canvas_y_, rows_top_, rows_top_, canvas_max.y);

  dl->PushClipRect(ImVec2(axis_.x0(), rows_top_), ImVec2(axis_.x0() + axis_.width(), canvas_max.y), true);
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    const LaneId id = rows_[r];
    const float yc = lane_center_y_[static_cast<std::size_t>(id)];
    const Lane& lane = trace.lanes()[static_cast<std::size_t>(id)];
    const float h = lane.kind == LaneKind::Gen ? std::round(font_size * 1.9f) : std::round(font_size * 2.3f);
    if (yc + h * 0.5f < rows_top_ || yc - h * 0.5f > canvas_max.y) continue;
    timeline::draw_row(ctx, lane, frame_.rows[r], yc - h * 0.5f, yc + h * 0.5f);
  }
  timeline::draw_links(ctx, frame_, lane_center_y_);
  if (range_dragging_) {
    const float a = std::min(range_x0_, range_x1_), b = std::max(range_x0_, range_x1_);
    dl->AddRectFilled(ImVec2(a, rows_top_), ImVec2(b, canvas_max.y), colors.accent_soft);
    dl->AddRect(ImVec2(a, rows_top_), ImVec2(b, canvas_max.y), colors.accent);
    const std::string text = format_duration(axis_.t_of(b) - axis_.t_of(a));
    dl->AddText(ImVec2(a + 4, rows_top_ + 4), colors.text, text.c_str());
  }
  dl->PopClipRect();

  DrawPlayhead(trace, playhead, font_size);
  DrawHeaders(trace, selection, font_size);
  dl->PopClipRect();

  selection.hovered_lane = hover_lane_;
  selection.hovered_event = hover_event_;
  if (hovered && !active && !hover_text_.empty()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(font_size * 32.0f);
    ImGui::TextUnformatted(hover_text_.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void TimelineView::DrawHeaders(const Trace& trace, const Selection& selection, float font_size) {
  const auto& fonts = platform::fonts();
  ImFont* bold = font_or_default(fonts.bold);
  ImFont* small = font_or_default(fonts.small);
  const float small_size = small == ImGui::GetFont() ? font_size * 0.85f : small->FontSize;
  const timeline::Colors c = timeline::Colors::from_theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float x0 = canvas_x_, x1 = canvas_x_ + header_w_;
  dl->AddRectFilled(ImVec2(x0, canvas_y_), ImVec2(x1, canvas_y_ + canvas_h_), c.header_bg);
  dl->AddLine(ImVec2(x1, canvas_y_), ImVec2(x1, canvas_y_ + canvas_h_), c.border);
  dl->PushClipRect(ImVec2(x0, rows_top_), ImVec2(x1, canvas_y_ + canvas_h_), true);
  const float pad = 8.0f;
  for (const Row& row : layout_) {
    if (row.y1 < rows_top_ || row.y0 > canvas_y_ + canvas_h_) continue;
    if (row.lane == kNoLane) {
      // The generators' group header: a disclosure triangle and a count.
      const float cy = (row.y0 + row.y1) * 0.5f, s = font_size * 0.3f;
      if (hide_gens) {
        dl->AddTriangleFilled(ImVec2(x0 + pad, cy - s), ImVec2(x0 + pad + s * 1.6f, cy), ImVec2(x0 + pad, cy + s), c.text_dim);
      } else {
        dl->AddTriangleFilled(ImVec2(x0 + pad, cy - s * 0.7f), ImVec2(x0 + pad + s * 2, cy - s * 0.7f),
                              ImVec2(x0 + pad + s, cy + s * 0.8f), c.text_dim);
      }
      std::size_t n = 0;
      for (const Lane& lane : trace.lanes()) n += lane.kind == LaneKind::Gen;
      const std::string text = "generators (" + std::to_string(n) + ")";
      timeline::text_clipped(dl, small, small_size, ImVec2(x0 + pad + s * 3, cy - small_size * 0.5f),
                             header_w_ - pad * 2 - s * 3, c.text_dim, text);
      dl->AddLine(ImVec2(x0, row.y1), ImVec2(canvas_x_ + canvas_w_, row.y1), c.grid);
      continue;
    }
    const Lane& lane = trace.lanes()[static_cast<std::size_t>(row.lane)];
    if (row.lane == selection.lane) dl->AddRectFilled(ImVec2(x0, row.y0), ImVec2(x1, row.y1), c.accent_soft);
    const ImU32 chip = lane_colors_.of(row.lane);
    const float chip_w = std::max(4.0f, font_size * 0.3f);
    dl->AddRectFilled(ImVec2(x0 + 4, row.y0 + 4), ImVec2(x0 + 4 + chip_w, row.y1 - 4), chip, 2.0f);
    const float tx = x0 + 4 + chip_w + 6;
    const float room = x1 - tx - 4;
    const float h = row.y1 - row.y0;
    const std::string title = lane_title(trace, lane);
    const std::string subtitle = lane_subtitle(trace, lane);
    if (h >= font_size + small_size + 4 && !subtitle.empty()) {
      const float top = row.y0 + (h - font_size - small_size) * 0.5f;
      timeline::text_clipped(dl, bold, font_size, ImVec2(tx, top), room, c.text, title);
      timeline::text_clipped(dl, small, small_size, ImVec2(tx, top + font_size), room, c.text_dim, subtitle);
    } else {
      const std::string one = subtitle.empty() || lane.kind != LaneKind::Gen ? title : title;
      timeline::text_clipped(dl, bold, font_size, ImVec2(tx, row.y0 + (h - font_size) * 0.5f), room, c.text, one);
    }
  }
  dl->PopClipRect();
}

void TimelineView::DrawPlayhead(const Trace& trace, const Playhead& playhead, float font_size) {
  const EventIndex pos = playhead.position();
  if (pos == kNoEvent || pos >= trace.events().size()) return;
  const Event& e = trace.events()[pos];
  const float x = axis_.x_of(static_cast<double>(e.t));
  if (x < axis_.x0() - 1 || x > axis_.x0() + axis_.width() + 1) return;
  const timeline::Colors c = timeline::Colors::from_theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float bottom = canvas_y_ + canvas_h_;
  dl->AddLine(ImVec2(x, canvas_y_), ImVec2(x, bottom), c.accent, 2.0f);
  const float s = font_size * 0.45f;
  dl->AddTriangleFilled(ImVec2(x - s, canvas_y_), ImVec2(x + s, canvas_y_), ImVec2(x, canvas_y_ + s * 1.4f), c.accent);
  // The current event: a ring on its lane, and its span outlined.
  if (e.lane >= 0 && static_cast<std::size_t>(e.lane) < lane_center_y_.size()) {
    const float yc = lane_center_y_[static_cast<std::size_t>(e.lane)];
    if (yc >= rows_top_) {
      const Lane& lane = trace.lanes()[static_cast<std::size_t>(e.lane)];
      const float h = lane.kind == LaneKind::Gen ? std::round(font_size * 1.9f) : std::round(font_size * 2.3f);
      const auto [b, en] = visible_span_range(lane.spans, static_cast<double>(e.t), static_cast<double>(e.t));
      dl->PushClipRect(ImVec2(axis_.x0(), rows_top_), ImVec2(axis_.x0() + axis_.width(), bottom), true);
      for (std::size_t i = b; i < en; ++i) {
        const Span& sp = lane.spans[i];
        if (sp.begin_event != pos && sp.end_event != pos && sp.kind != SpanKind::Step) continue;
        const Nanos end = sp.end == kOpenEnd ? trace.end_time() : sp.end;
        dl->AddRect(ImVec2(axis_.x_of(static_cast<double>(sp.start)) - 1, yc - h * 0.5f + 1),
                    ImVec2(axis_.x_of(static_cast<double>(end)) + 1, yc + h * 0.5f - 1), c.accent, 3.0f, 0, 2.0f);
        break;
      }
      dl->AddCircle(ImVec2(x, yc), font_size * 0.45f, c.accent, 0, 3.0f);
      dl->PopClipRect();
    }
  }
}

void TimelineView::HitTest(const Trace& trace, float mx, float my) {
  hover_lane_ = kNoLane;
  hover_event_ = kNoEvent;
  hover_header_ = false;
  hover_text_.clear();
  hover_t_ = static_cast<Nanos>(std::max(0.0, axis_.t_of(mx)));
  if (my < rows_top_) return;
  for (const Row& row : layout_) {
    if (my < row.y0 || my >= row.y1) continue;
    if (row.lane == kNoLane) {
      hover_header_ = mx < canvas_x_ + header_w_;
      hover_text_ = hide_gens ? "Click to show the generator lanes" : "Click to hide the generator lanes";
      return;
    }
    hover_lane_ = row.lane;
    const Lane& lane = trace.lanes()[static_cast<std::size_t>(row.lane)];
    if (mx < canvas_x_ + header_w_) {
      hover_header_ = true;
      hover_text_ = trace.display_name(row.lane) + "\n" + std::to_string(lane.spans.size()) + " spans, " +
                    std::to_string(lane.instants.size()) + " markers\nClick to select this lane (Shift+Left/Right steps within it)";
      return;
    }
    const auto r = std::find(rows_.begin(), rows_.end(), row.lane) - rows_.begin();
    const RowItems& items = frame_.rows[static_cast<std::size_t>(r)];
    // Markers first (they are small and sit on top), then overlays, then spans.
    const float reach = std::max(5.0f, ImGui::GetFontSize() * 0.4f);
    for (const InstantItem& item : items.instants) {
      if (std::fabs(item.x - mx) > reach) continue;
      const Instant& in = lane.instants[item.first];
      hover_event_ = in.event;
      hover_text_ = item.count > 1 ? cluster_tooltip(trace, lane, item.first, item.count) : instant_tooltip(trace, lane, in);
      return;
    }
    const auto hit_span = [&](const std::vector<SpanItem>& list, const std::vector<Span>& spans) {
      for (const SpanItem& item : list) {
        if (mx < item.x0 - 1 || mx > std::max(item.x1, item.x0 + 2) + 1) continue;
        if (item.merged()) {
          hover_text_ = merged_tooltip(lane, item.count, item.start, item.end, trace);
          hover_event_ = span_event(spans[item.first]);
        } else {
          const Span& s = spans[item.first];
          hover_text_ = span_tooltip(trace, lane, s, open_end_time(trace));
          hover_event_ = span_event(s);
        }
        return true;
      }
      return false;
    };
    const float yc = (row.y0 + row.y1) * 0.5f, h = row.y1 - row.y0;
    if (std::fabs(my - yc) < h * 0.35f && hit_span(items.overlays, lane.overlays)) return;
    hit_span(items.spans, lane.spans);
    return;
  }
}

void TimelineView::HandleMouse(const Trace& trace, Playhead& playhead, Selection& selection, bool hovered,
                               bool active) {
  ImGuiIO& io = ImGui::GetIO();
  const float mx = io.MousePos.x, my = io.MousePos.y;
  const bool in_axis = mx >= axis_.x0() && mx <= axis_.x0() + axis_.width();
  if (hovered || active) {
    HitTest(trace, mx, my);
  } else {
    hover_lane_ = kNoLane;
    hover_event_ = kNoEvent;
    hover_text_.clear();
  }
  const auto& events = trace.events();

  if (hovered && io.MouseWheel != 0) {
    if (mx < canvas_x_ + header_w_ || io.KeyShift) {
      scroll_y_ -= io.MouseWheel * ImGui::GetFontSize() * 3;  // over the names: scroll the rows
    } else {
      axis_.zoom(mx, std::pow(1.25, static_cast<double>(io.MouseWheel)));
    }
  }
  if (hovered && io.MouseWheelH != 0) axis_.pan_px(io.MouseWheelH * ImGui::GetFontSize() * 4);

  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && in_axis && my >= rows_top_) {
    fit_requested_ = true;
    return;
  }

  // Press: decide the gesture.
  if (ImGui::IsItemActivated()) {
    panned_ = false;
    range_dragging_ = false;
    scrubbing_ = false;
    const bool range_button = ImGui::IsMouseClicked(ImGuiMouseButton_Right) ||
                              (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && io.KeyShift);
    if (range_button && in_axis) {
      range_dragging_ = true;
      range_x0_ = range_x1_ = mx;
    } else if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && my < rows_top_ && in_axis) {
      scrubbing_ = true;
    }
  }

  if (active) {
    if (range_dragging_) {
      range_x1_ = std::clamp(mx, axis_.x0(), axis_.x0() + axis_.width());
    } else if (scrubbing_) {
      playhead.scrub(events, static_cast<Nanos>(std::max(0.0, axis_.t_of(mx))));
      selection.event = playhead.position();
    } else if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 3.0f)) {
      axis_.pan_px(io.MouseDelta.x);
      scroll_y_ -= io.MouseDelta.y;
      panned_ = true;
    }
  }

  if (ImGui::IsItemDeactivated()) {
    if (range_dragging_) {
      range_dragging_ = false;
      const float a = std::min(range_x0_, range_x1_), b = std::max(range_x0_, range_x1_);
      if (b - a > 4) axis_.set_range(axis_.t_of(a), axis_.t_of(b));
    } else if (scrubbing_) {
      scrubbing_ = false;
    } else if (!panned_ && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
      // A click: select what is under the mouse and move the playhead there.
      if (hover_header_ && hover_lane_ == kNoLane && my >= rows_top_) {
        hide_gens = !hide_gens;
      } else if (hover_header_) {
        selection.lane = selection.lane == hover_lane_ ? kNoLane : hover_lane_;
      } else if (hover_event_ != kNoEvent) {
        playhead.seek(events, hover_event_);
        selection.event = playhead.position();
        selection.lane = hover_lane_;
      } else if (my >= rows_top_ && in_axis) {
        playhead.scrub(events, hover_t_);
        selection.event = playhead.position();
        if (hover_lane_ != kNoLane) selection.lane = hover_lane_;
      }
    }
    panned_ = false;
  }
}

void TimelineView::KeepVisible(const Trace& trace, EventIndex event) {
  if (event == kNoEvent || event >= trace.events().size()) return;
  const double t = static_cast<double>(trace.events()[event].t);
  const double margin = axis_.span() * 0.05;
  if (t < axis_.start() + margin || t > axis_.end() - margin) {
    axis_.set_range(t - axis_.span() * 0.5, t + axis_.span() * 0.5);
  }
}

}  // namespace loopscope
