// The lane kinds. Each is implemented in its own file (task_lane.cpp, ...).
#pragma once

#include "ui/timeline/lane_item.h"

namespace loopscope::timeline {

// The script's top-level code: blocking calls outside any loop, its prints, what it received
// from the generators it drives.
class MainLane final : public LaneItem {
 public:
  void paint_span(RowPainter& row, const Lane& lane, const Span& span, const SpanItem& item) const override;
};

// An event loop: which task step or callback it runs, when it idles, when it is blocked.
class LoopLane final : public LaneItem {
 public:
  void paint_span(RowPainter& row, const Lane& lane, const Span& span, const SpanItem& item) const override;
  void paint_overlay(RowPainter& row, const Lane& lane, const Span& span, const SpanItem& item,
                     const RowPainter::PlacedText& label) const override;
  RowPainter::PlacedText place_overlay_label(RowPainter& row, const Lane& lane, const Span& span,
                                             const SpanItem& item, std::string_view text) const override;
  bool overlay_labels_first() const override { return true; }
  Rgba merged_color(const RowPainter& row, const Lane& lane) const override;
};

// A task: running steps, suspensions labelled with what they await, ready spans (hatched when
// the loop starved it), blocking calls inside its steps.
class TaskLane final : public LaneItem {
 public:
  void paint_span(RowPainter& row, const Lane& lane, const Span& span, const SpanItem& item) const override;
  void paint_overlay(RowPainter& row, const Lane& lane, const Span& span, const SpanItem& item,
                     const RowPainter::PlacedText& label) const override;
  RowPainter::PlacedText place_overlay_label(RowPainter& row, const Lane& lane, const Span& span,
                                             const SpanItem& item, std::string_view text) const override;
  bool overlay_labels_first() const override { return true; }
};

// A worker thread: the executor jobs it runs.
class ThreadLane final : public LaneItem {
 public:
  void paint_span(RowPainter& row, const Lane& lane, const Span& span, const SpanItem& item) const override;
  // A blocking call inside a job is drawn on the job's bar: named in the bar's text colour.
  RowPainter::PlacedText place_overlay_label(RowPainter& row, const Lane& lane, const Span& span,
                                             const SpanItem& item, std::string_view text) const override;
};

// A generator or iterator object: running, pulling from the next stage, awaiting inside its
// frame, or paused at a yield (docs/trace-format.md, "Generator and iterator lanes").
class GeneratorLane final : public LaneItem {
 public:
  float height(const TimelineStyle& style) const override { return style.gen_h; }
  bool has_top_line() const override { return false; }  // generators never print
  void paint_span(RowPainter& row, const Lane& lane, const Span& span, const SpanItem& item) const override;
};

}  // namespace loopscope::timeline
