// What every lane's row is painted with: the row's geometry and the shared shapes (a solid
// bar, a thin band, a hatched block, a label that fits the room left), plus the instant markers
// and their labels. The lane kinds (lane_item.h) pick which shape each of their spans gets.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/lane_names.h"
#include "core/lod.h"
#include "core/theme.h"
#include "core/time_axis.h"
#include "core/timeline_frame.h"
#include "core/trace_model.h"
#include "ui/timeline/canvas.h"
#include "ui/timeline/label_placer.h"
#include "ui/timeline/lane_palette.h"
#include "ui/timeline/timeline_style.h"

namespace loopscope::timeline {

struct RowPainter {
  Canvas& canvas;
  const Trace& trace;
  const TimeAxis& axis;
  const Theme& theme;
  const LanePalette& colors;
  const LaneNames& names;
  const TimelineStyle& style;
  Nanos open_end;
  LabelPlacer& labels;
  float y0 = 0, y1 = 0;  // the row
  // Rows that can print keep a line of small text along their top for printed lines and late
  // flags; span labels then sit below it.
  bool top_line = true;

  // The bar inside the row (a little padding above and below).
  float pad() const { return std::max(3.0f, (y1 - y0) * 0.12f); }
  float bar_top() const { return y0 + pad(); }
  float bar_bottom() const { return y1 - pad(); }
  float mid() const { return (y0 + y1) * 0.5f; }
  float top_line_bottom() const { return y0 + canvas.font_size(Font::Small) + 2.0f; }
  // Where a span's label is centred: the bar's middle, below the top line if there is one.
  float label_mid() const { return top_line ? (top_line_bottom() + bar_bottom()) * 0.5f : mid(); }
  // The thin band of a suspension, and where a label just above it is centred.
  float band_height() const { return std::max(3.0f, (bar_bottom() - bar_top()) * 0.16f); }
  float above_band_mid(Font font) const { return bar_bottom() - band_height() - canvas.font_size(font) * 0.5f - 1.0f; }
  float view_left() const { return axis.x0(); }
  float view_right() const { return axis.x0() + axis.width(); }

  // A filled bar over the whole height (a running step, a job). `flagged`: a red outline
  // (stalled the loop, or ended with an exception).
  void solid_bar(float x0, float x1, Rgba color, bool flagged);
  // A thin band along the bottom of the bar (a suspension, a paused generator).
  void bottom_band(float x0, float x1, Rgba color);
  // A dashed line at height y (a stage pulling from the next one).
  void dashed_line(float x0, float x1, float y, Rgba color);
  // A block with diagonal stripes (ready but starved; blocking).
  void hatched_block(float x0, float x1, Rgba color);
  // A red block with dark stripes: a blocking call where it hurts (the loop, a task).
  void blocking_block(float x0, float x1, float top, float bottom);

  // A label given its place (and its box taken) before it is drawn.
  struct PlacedText {
    Vec2 at;
    Font font = Font::Label;
    Rgba color = 0;
    std::string text;  // empty: it did not fit
  };
  // `text` from the left of [x0, x1] (the part in view), cut to the room no marker or label has
  // taken at its height, vertically centred on `centre_y`; its box is taken.
  PlacedText place_label(float x0, float x1, float centre_y, Font font, Rgba color, std::string_view text);
  void draw(const PlacedText& placed);
  // place_label and draw at once. Returns false when nothing fitted.
  bool label(float x0, float x1, float centre_y, Font font, Rgba color, std::string_view text);
  // The same, centred in the room, with a backdrop (over stripes).
  bool label_centred(float x0, float x1, Font font, Rgba color, std::string_view text);

  // Many spans narrower than a few pixels, merged into one block ("12 spans").
  void merged_block(const SpanItem& item, Rgba color);

  // Instant markers: plan() places their labels first (markers say more than span labels),
  // paint() draws them after the spans.
  struct Marker {
    float x = 0, y = 0;
    std::optional<InstantKind> kind;   // the kind whose shape is drawn
    std::string label;                 // empty: no room, or nothing to say
    Font font = Font::Small;
    Rgba color = 0, label_color = 0;
    bool label_left = false;           // drawn left of the marker (no room on its right)
  };
  std::vector<Marker> plan_markers(const Lane& lane, const RowItems& items);
  void paint_markers(const std::vector<Marker>& markers);
  Rgba marker_color(InstantKind kind, const Lane& lane) const;
};

}  // namespace loopscope::timeline
