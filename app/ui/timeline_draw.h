// Drawing helpers shared by the timeline's files (internal to the timeline panel): the colours
// of the current theme, a per-frame drawing context, and small primitives (clipped text,
// hatching, markers).
#pragma once

#include <imgui.h>

#include <string_view>

#include "core/time_axis.h"
#include "core/timeline_frame.h"
#include "core/trace_model.h"
#include "ui/lane_colors.h"

namespace loopscope::timeline {

// The theme's colours as the timeline uses them (rebuilt every frame from the palette).
struct Colors {
  ImU32 bg, row_alt, header_bg, grid, text, text_dim, text_faint, accent, accent_soft;
  ImU32 error, error_soft, warn, ok, idle, callback, border, on_bar;
  bool light = false;
  static Colors from_theme();
};

ImU32 with_alpha(ImU32 color, float alpha);  // replaces the alpha
ImU32 mix(ImU32 a, ImU32 b, float t);        // t=0: a, t=1: b
// Black or white, whichever reads better on `background`.
ImU32 text_on(ImU32 background);

struct DrawContext {
  const Trace& trace;
  const TimeAxis& axis;
  ImDrawList* dl;
  const Colors& c;
  const ui::LaneColors& lane_colors;
  ImFont* font;        // labels
  float font_size;
  ImFont* small;       // small labels (counts, ruler)
  float small_size;
  Nanos open_end;
};

// Draws `text` from `pos`, cut with "..." to fit max_width; nothing when not even "..." fits.
// Returns the width drawn.
float text_clipped(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, float max_width, ImU32 color,
                   std::string_view text);
// Diagonal stripes over [a, b].
void hatch(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color, float spacing, float thickness);

// One lane's row between y0 and y1: spans, overlays, instants.
void draw_row(const DrawContext& ctx, const Lane& lane, const RowItems& items, float y0, float y1);
// The ruler band [y0, y1] with labels, and the grid lines down to grid_bottom.
void draw_ruler(const DrawContext& ctx, const std::vector<AxisTick>& ticks, float y0, float y1, float grid_top,
                float grid_bottom);
// Links between rows; `row_center` maps a lane to the y of its row centre (< 0: not shown).
void draw_links(const DrawContext& ctx, const TimelineFrame& frame, const std::vector<float>& lane_center_y);

// The colour a span is drawn in on `lane`.
ImU32 span_color(const DrawContext& ctx, const Lane& lane, const Span& span);

}  // namespace loopscope::timeline
