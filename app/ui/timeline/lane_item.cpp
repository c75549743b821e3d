#include "ui/timeline/lane_item.h"

#include <algorithm>

#include "ui/timeline/lane_kinds.h"
#include "ui/timeline/timeline_describe.h"

namespace loopscope::timeline {

std::unique_ptr<LaneItem> make_lane_item(LaneKind kind) {
  switch (kind) {
    case LaneKind::Main: return std::make_unique<MainLane>();
    case LaneKind::Loop: return std::make_unique<LoopLane>();
    case LaneKind::Task: return std::make_unique<TaskLane>();
    case LaneKind::Thread: return std::make_unique<ThreadLane>();
    case LaneKind::Gen: return std::make_unique<GeneratorLane>();
  }
  return std::make_unique<MainLane>();
}

void LaneItem::paint_overlay(RowPainter& row, const Lane&, const Span&, const SpanItem& item,
                             const RowPainter::PlacedText& label) const {
  paint_blocking(row, item, false, label);
}

RowPainter::PlacedText LaneItem::place_overlay_label(RowPainter& row, const Lane&, const Span&,
                                                     const SpanItem& item, std::string_view text) const {
  // An expected blocking call (a worker's or plain code's time.sleep): named quietly above its band.
  const float x1 = std::max(item.x1, item.x0 + 1.0f);
  return row.place_label(item.x0, x1, row.above_band_mid(Font::Small), Font::Small, row.theme.text_dim, text);
}

// Calls that follow one another with nothing between them wider than this (a loop calling
// time.sleep again and again) are one run: labelled once when their own labels do not fit.
constexpr float kRunGapPx = 3.0f;

std::vector<RowPainter::PlacedText> LaneItem::place_overlay_labels_of(RowPainter& row, const Lane& lane,
                                                                     const std::vector<SpanItem>& overlays) const {
  std::vector<RowPainter::PlacedText> labels(overlays.size());
  // Each call's label text, made once (a merged run of narrow calls has none).
  std::vector<std::string> texts(overlays.size());
  for (std::size_t i = 0; i < overlays.size(); ++i)
    if (!overlays[i].merged()) texts[i] = span_label(row.trace, lane, lane.overlays[overlays[i].first]);
  for (std::size_t i = 0; i < overlays.size();) {
    if (overlays[i].merged()) {
      ++i;
      continue;
    }
    const Span& span = lane.overlays[overlays[i].first];
    const std::string& text = texts[i];
    std::size_t end = i + 1;  // the run of like calls [i, end)
    while (end < overlays.size() && !overlays[end].merged() && overlays[end].x0 - overlays[end - 1].x1 <= kRunGapPx &&
           texts[end] == text)
      ++end;
    // A call's own label "fits" when it shows at least the call ("time.sleep(0.1)"), not a stub.
    const std::string_view call = std::string_view(text).substr(0, text.find("  "));
    const std::size_t before = row.labels.mark();
    bool all_fit = true;
    for (std::size_t k = i; k < end; ++k) {
      labels[k] = place_overlay_label(row, lane, lane.overlays[overlays[k].first], overlays[k], text);
      all_fit = all_fit && labels[k].text.size() >= call.size();
    }
    if (!all_fit && end - i > 1) {
      // One label for the run ("time.sleep(0.1) ×3  line 19"), given to its last call so that
      // it is drawn over all of them.
      row.labels.roll_back(before);
      for (std::size_t k = i; k < end; ++k) labels[k] = {};
      SpanItem run = overlays[i];
      run.x1 = overlays[end - 1].x1;
      labels[end - 1] = place_overlay_label(row, lane, span, run, repeated_label(text, end - i));
    }
    i = end;
  }
  return labels;
}

void LaneItem::paint_row(RowPainter& row, const Lane& lane, const RowItems& items) const {
  row.top_line = has_top_line();
  // Labels are placed by importance: markers' (a value, a printed line), then what blocked the
  // loop, then the spans' own. Shapes are drawn spans first, overlays, markers on top.
  const auto markers = row.plan_markers(lane, items);
  std::vector<RowPainter::PlacedText> overlay_labels;
  const auto place_overlay_labels = [&] { overlay_labels = place_overlay_labels_of(row, lane, items.overlays); };
  if (overlay_labels_first()) {
    place_overlay_labels();
    for (const SpanItem& item : items.overlays)
      row.labels.force({item.x0, row.bar_top(), std::max(item.x1, item.x0 + 1.0f), row.bar_bottom()});
  }
  for (const SpanItem& item : items.spans) {
    if (item.merged()) {
      row.merged_block(item, merged_color(row, lane));
    } else {
      paint_span(row, lane, lane.spans[item.first], item);
    }
  }
  if (!overlay_labels_first()) place_overlay_labels();
  for (std::size_t i = 0; i < items.overlays.size(); ++i) {
    const SpanItem& item = items.overlays[i];
    paint_overlay(row, lane, lane.overlays[item.first], item, overlay_labels[i]);
  }
  row.paint_markers(markers);
}

RowPainter::PlacedText place_blocking_label(RowPainter& row, const SpanItem& item, std::string_view text) {
  const float x1 = std::max(item.x1, item.x0 + 1.0f);
  return row.place_label(item.x0, x1, row.label_mid(), Font::Label, row.theme.text_on(row.theme.error), text);
}

void paint_blocking(RowPainter& row, const SpanItem& item, bool holds_the_loop, const RowPainter::PlacedText& label) {
  const float x0 = item.x0, x1 = std::max(item.x1, item.x0 + 1.0f);
  // Inset a little, so that what it blocks still shows around it.
  const float inset = (row.bar_bottom() - row.bar_top()) * 0.1f;
  const float top = row.bar_top() + inset, bottom = row.bar_bottom() - inset;
  if (holds_the_loop) {
    row.blocking_block(x0, x1, top, bottom);
    row.draw(label);
  } else {
    // Waiting inside the call, the thread held but nothing else harmed: an amber band along the
    // bottom, like a suspension.
    row.bottom_band(x0, x1, row.theme.warn);
    // Dark stripes over it, so that it also shows on a worker's amber job bar.
    const float band = row.band_height();
    row.canvas.hatch({x0, row.bar_bottom() - band}, {x1, row.bar_bottom()}, row.theme.stripes_on_red, band * 1.5f, 1.5f);
    row.draw(label);
  }
}

}  // namespace loopscope::timeline
