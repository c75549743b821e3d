// One lane kind of the timeline (Tracy's TimelineItem idea): each kind owns its row height and
// how its spans look. Adding a lane kind is one class in one file, plus its line in
// make_lane_item(). Everything a kind draws goes through RowPainter, so it looks the same on
// screen, in SVG and in video frames.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "core/timeline_frame.h"
#include "core/trace_model.h"
#include "ui/timeline/row_painter.h"
#include "ui/timeline/timeline_style.h"

namespace loopscope::timeline {

class LaneItem {
 public:
  virtual ~LaneItem() = default;
  virtual float height(const TimelineStyle& style) const { return style.lane_h; }
  // A line of small text along the top for printed lines and late flags.
  virtual bool has_top_line() const { return true; }
  // One span that is wide enough to be drawn on its own.
  virtual void paint_span(RowPainter& row, const Lane& lane, const Span& span, const SpanItem& item) const = 0;
  // A blocking call drawn over the spans (blocking overlays). Its label was placed before the
  // spans' labels (`label`): what blocked the loop matters more than the step under it.
  virtual void paint_overlay(RowPainter& row, const Lane& lane, const Span& span, const SpanItem& item,
                             const RowPainter::PlacedText& label) const;
  // Places `text` (the span's label, or the label of a run of like calls) over `item`.
  virtual RowPainter::PlacedText place_overlay_label(RowPainter& row, const Lane& lane, const Span& span,
                                                     const SpanItem& item, std::string_view text) const;
  // Whether an overlay's label outranks the spans' own (what blocked the loop does; a worker's
  // time.sleep inside its job does not). Such overlays are drawn as blocks over the spans, so
  // the spans' labels keep out of them too (else a step's name would be painted over).
  virtual bool overlay_labels_first() const { return false; }
  // The colour of a run of spans merged because each is under a few pixels.
  virtual Rgba merged_color(const RowPainter& row, const Lane& lane) const { return row.colors.of(lane.id); }

  // The whole row: spans, overlays, then instant markers (whose labels were placed first).
  void paint_row(RowPainter& row, const Lane& lane, const RowItems& items) const;

 private:
  std::vector<RowPainter::PlacedText> place_overlay_labels_of(RowPainter& row, const Lane& lane,
                                                              const std::vector<SpanItem>& overlays) const;
};

// The item for a lane of the given kind.
std::unique_ptr<LaneItem> make_lane_item(LaneKind kind);

// Blocking is bad where it holds the loop (the loop lane, the task that blocked it): a red
// block labelled with the call and its line. In a worker thread or plain synchronous code it is
// what is expected: a thin amber band.
void paint_blocking(RowPainter& row, const SpanItem& item, bool holds_the_loop, const RowPainter::PlacedText& label);
RowPainter::PlacedText place_blocking_label(RowPainter& row, const SpanItem& item, std::string_view text);

}  // namespace loopscope::timeline
