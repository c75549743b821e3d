// One lane's row: the visual language of the timeline.
//   running step: solid, task colour          suspended: thin band + what it awaits
//   ready (woken, loop busy): hatched         blocking / stall: red, with the blocking line
//   idle loop: faint                          worker job: thread colour + function
//   yields / prints / late timers: small markers with their value when there is room
#include <algorithm>
#include <cmath>

#include "core/time_axis.h"
#include "platform/theme.h"
#include "ui/timeline_describe.h"
#include "ui/timeline_draw.h"

namespace loopscope::timeline {

namespace {

// Red for blocking only where it hurts: on the loop and on the task that blocked it. In a
// worker thread or plain sync code a blocking call is what is expected.
bool blocking_is_bad(const Lane& lane) { return lane.kind == LaneKind::Loop || lane.kind == LaneKind::Task; }

ImU32 lane_color(const DrawContext& ctx, LaneId lane) { return ctx.lane_colors.of(lane); }

struct Bar {
  float y0, y1;  // the full bar inside the row
  float mid() const { return (y0 + y1) * 0.5f; }
};

void label_in(const DrawContext& ctx, float x0, float x1, const Bar& bar, ImU32 color, const std::string& text) {
  const float pad = 4.0f;
  if (x1 - x0 < ctx.font_size * 1.5f || text.empty()) return;
  const float left = std::max(x0, ctx.axis.x0()) + pad;
  const float right = std::min(x1, ctx.axis.x0() + ctx.axis.width()) - pad;
  text_clipped(ctx.dl, ctx.font, ctx.font_size, ImVec2(left, bar.mid() - ctx.font_size * 0.5f), right - left, color,
               text);
}

// A hatched block with a label centred in view when it fits.
void hatched_block(const DrawContext& ctx, float x0, float x1, const Bar& bar, ImU32 color, const std::string& text) {
  ImDrawList* dl = ctx.dl;
  const float h = bar.y1 - bar.y0;
  dl->AddRectFilled(ImVec2(x0, bar.y0), ImVec2(x1, bar.y1), with_alpha(color, 0.14f), 2.0f);
  hatch(dl, ImVec2(x0, bar.y0), ImVec2(x1, bar.y1), with_alpha(color, 0.75f), std::max(6.0f, h * 0.28f), 1.5f);
  dl->AddRect(ImVec2(x0, bar.y0), ImVec2(x1, bar.y1), with_alpha(color, 0.6f), 2.0f);
  const float w = ctx.font->CalcTextSizeA(ctx.font_size, FLT_MAX, 0, text.c_str()).x;
  const float left = std::max(x0, ctx.axis.x0()), right = std::min(x1, ctx.axis.x0() + ctx.axis.width());
  if (right - left < w + 16) return;
  const float cx = (left + right) * 0.5f;
  dl->AddRectFilled(ImVec2(cx - w * 0.5f - 4, bar.mid() - ctx.font_size * 0.6f),
                    ImVec2(cx + w * 0.5f + 4, bar.mid() + ctx.font_size * 0.6f), with_alpha(ctx.c.bg, 0.85f), 3.0f);
  dl->AddText(ctx.font, ctx.font_size, ImVec2(cx - w * 0.5f, bar.mid() - ctx.font_size * 0.5f), ctx.c.text, text.c_str());
}


void draw_span(const DrawContext& ctx, const Lane& lane, const Span& span, const SpanItem& item, const Bar& bar) {
  ImDrawList* dl = ctx.dl;
  const float x0 = item.x0;
  const float x1 = std::max(item.x1, item.x0 + 1.0f);
  const ImU32 color = span_color(ctx, lane, span);
  const float h = bar.y1 - bar.y0;
  switch (span.kind) {
    case SpanKind::Step:
    case SpanKind::Callback:
    case SpanKind::Job:
    case SpanKind::GenRunning: {
      dl->AddRectFilled(ImVec2(x0, bar.y0), ImVec2(x1, bar.y1), color, 2.0f);
      if (span.flags & (kSpanStalled | kSpanFailed)) {
        dl->AddRect(ImVec2(x0, bar.y0), ImVec2(x1, bar.y1), ctx.c.error, 2.0f, 0, 2.5f);
      }
      label_in(ctx, x0, x1, bar, text_on(color), span_label(ctx.trace, lane, span));
      break;
    }
    case SpanKind::Suspended:
    case SpanKind::GenAwaiting:
    case SpanKind::GenPulling:
    case SpanKind::GenSuspended: {
      // A thin band along the bottom; the label (what it awaits) sits above it.
      const float band = std::max(3.0f, h * 0.16f);
      dl->AddRectFilled(ImVec2(x0, bar.y1 - band), ImVec2(x1, bar.y1), with_alpha(color, 0.55f), 1.0f);
      // The part after its timer was due (the loop was busy): hatched like a ready span.
      float label_end = x1;

      const std::string label = span_label(ctx.trace, lane, span);
      if (!label.empty() && label_end - x0 > ctx.font_size * 2) {
        const Bar above{bar.y0, bar.y1 - band};
        label_in(ctx, x0, label_end, above, ctx.c.text_dim, label);
      }
      break;
    }
    case SpanKind::Ready: {
      // Woken but not running: the cost of a busy (or blocked) loop, hatched to stand out.
      hatched_block(ctx, x0, x1, bar, color, "ready, waiting");
      break;
    }
    case SpanKind::Idle: {
      const float band = std::max(2.0f, h * 0.2f);
      dl->AddRectFilled(ImVec2(x0, bar.mid() - band * 0.5f), ImVec2(x1, bar.mid() + band * 0.5f), ctx.c.idle);
      if (x1 - x0 > ctx.font_size * 4) {
        const Bar above{bar.y0, bar.mid() - band * 0.5f};
        label_in(ctx, x0, x1, above, ctx.c.text_faint, "idle");
      }
      break;
    }
    case SpanKind::Blocking: {
      if (blocking_is_bad(lane)) {
        dl->AddRectFilled(ImVec2(x0, bar.y0), ImVec2(x1, bar.y1), ctx.c.error, 2.0f);
        hatch(dl, ImVec2(x0, bar.y0), ImVec2(x1, bar.y1), with_alpha(IM_COL32(0, 0, 0, 255), 0.18f), h * 0.5f, 3.0f);
        label_in(ctx, x0, x1, bar, IM_COL32(255, 255, 255, 255), span_label(ctx.trace, lane, span));
      } else {
        const float band = std::max(3.0f, h * 0.3f);
        dl->AddRectFilled(ImVec2(x0, bar.y0), ImVec2(x1, bar.y0 + band), with_alpha(ctx.c.warn, 0.85f), 1.0f);
      }
      break;
    }
  }
}

void draw_merged(const DrawContext& ctx, const Lane& lane, const SpanItem& item, const Bar& bar) {
  // Many spans under a few pixels: one block at partial strength (zoom in to see them).
  const ImU32 base = lane.kind == LaneKind::Loop ? ctx.c.callback : lane_color(ctx, lane.id);
  const float x1 = std::max(item.x1, item.x0 + 2.0f);
  ctx.dl->AddRectFilled(ImVec2(item.x0, bar.y0 + 2), ImVec2(x1, bar.y1 - 2), with_alpha(base, 0.45f), 1.0f);
  if (x1 - item.x0 > ctx.small_size * 3) {
    const std::string text = std::to_string(item.count) + " spans";
    text_clipped(ctx.dl, ctx.small, ctx.small_size, ImVec2(item.x0 + 3, bar.mid() - ctx.small_size * 0.5f),
                 x1 - item.x0 - 6, ctx.c.text, text);
  }
}

void draw_overlay(const DrawContext& ctx, const Lane& lane, const SpanItem& item, const Bar& bar) {
  if (item.merged()) {
    ctx.dl->AddRectFilled(ImVec2(item.x0, bar.y0), ImVec2(std::max(item.x1, item.x0 + 2), bar.y1),
                          blocking_is_bad(lane) ? ctx.c.error : with_alpha(ctx.c.warn, 0.8f), 1.0f);
    return;
  }
  draw_span(ctx, lane, lane.overlays[item.first], item, bar);
}

ImU32 instant_color(const DrawContext& ctx, const Lane& lane, const Instant& in) {
  switch (in.kind) {
    case InstantKind::Print: return ctx.c.text;
    case InstantKind::Yield: return platform::palette().lane_gen;
    case InstantKind::TimerLate:
    case InstantKind::Stall:
    case InstantKind::Exception:
    case InstantKind::GenRaise: return ctx.c.error;
    case InstantKind::Warning: return ctx.c.warn;
    case InstantKind::TaskDone: return (lane.end_how == static_cast<std::uint8_t>(Outcome::Result)) ? ctx.c.ok : ctx.c.error;
    default: return ctx.c.text_dim;
  }
}

// A marker's shape tells its kind without colour: print = speech tab, yield = diamond,
// late/stall = flag, exception = cross, return/stop = square, created = ring, done = bar.
void draw_marker(const DrawContext& ctx, const Instant& in, ImU32 color, float x, float y, float r) {
  ImDrawList* dl = ctx.dl;
  const ImU32 outline = with_alpha(ctx.c.bg, 0.9f);
  switch (in.kind) {
    case InstantKind::Print:
      dl->AddRectFilled(ImVec2(x - r * 0.9f, y - r), ImVec2(x + r * 0.9f, y + r * 0.4f), color, 2.0f);
      dl->AddTriangleFilled(ImVec2(x - r * 0.4f, y + r * 0.4f), ImVec2(x + r * 0.3f, y + r * 0.4f),
                            ImVec2(x - r * 0.5f, y + r * 1.1f), color);
      break;
    case InstantKind::Yield:
      dl->AddQuadFilled(ImVec2(x, y - r), ImVec2(x + r, y), ImVec2(x, y + r), ImVec2(x - r, y), color);
      dl->AddQuad(ImVec2(x, y - r), ImVec2(x + r, y), ImVec2(x, y + r), ImVec2(x - r, y), outline, 1.0f);
      break;
    case InstantKind::TimerLate:
    case InstantKind::Stall:
      dl->AddLine(ImVec2(x, y - r * 1.2f), ImVec2(x, y + r * 1.2f), color, 2.0f);
      dl->AddTriangleFilled(ImVec2(x, y - r * 1.2f), ImVec2(x + r * 1.3f, y - r * 0.6f), ImVec2(x, y), color);
      break;
    case InstantKind::Exception:
    case InstantKind::GenRaise:
      dl->AddCircleFilled(ImVec2(x, y), r, color);
      dl->AddLine(ImVec2(x - r * 0.5f, y - r * 0.5f), ImVec2(x + r * 0.5f, y + r * 0.5f), IM_COL32_WHITE, 2.0f);
      dl->AddLine(ImVec2(x - r * 0.5f, y + r * 0.5f), ImVec2(x + r * 0.5f, y - r * 0.5f), IM_COL32_WHITE, 2.0f);
      break;
    case InstantKind::Warning:
      dl->AddTriangleFilled(ImVec2(x, y - r), ImVec2(x + r, y + r * 0.8f), ImVec2(x - r, y + r * 0.8f), color);
      break;
    case InstantKind::TaskCreated:
      dl->AddCircle(ImVec2(x, y), r * 0.7f, color, 0, 2.0f);
      break;
    case InstantKind::TaskDone:
      dl->AddRectFilled(ImVec2(x - 1.5f, y - r * 1.3f), ImVec2(x + 1.5f, y + r * 1.3f), color);
      break;
    default:
      dl->AddRectFilled(ImVec2(x - r * 0.7f, y - r * 0.7f), ImVec2(x + r * 0.7f, y + r * 0.7f), color, 1.0f);
  }
}

void draw_instants(const DrawContext& ctx, const Lane& lane, const RowItems& items, float y0, float y1) {
  const float r = std::max(4.0f, ctx.font_size * 0.32f);
  // Prints sit on the top edge, yields and the rest on the middle (yields mark the frame).
  for (std::size_t i = 0; i < items.instants.size(); ++i) {
    const InstantItem& item = items.instants[i];
    const Instant& in = lane.instants[item.first];
    const ImU32 color = instant_color(ctx, lane, in);
    const bool top = in.kind == InstantKind::Print || in.kind == InstantKind::TimerLate;
    const float y = top ? y0 + r + 2 : (y0 + y1) * 0.5f;
    draw_marker(ctx, in, color, item.x, y, r);
    const float next_x = i + 1 < items.instants.size() ? items.instants[i + 1].x : ctx.axis.x0() + ctx.axis.width();
    const float room = next_x - item.x - r * 2 - 4;
    std::string label = item.count > 1 ? "x" + std::to_string(item.count) : instant_label(ctx.trace, in);
    if (in.kind == InstantKind::Print && item.count == 1) label = "\"" + label + "\"";
    // The done mark and a stall flag (its bar is already red) need no words.
    const bool wordless = in.kind == InstantKind::TaskDone || (in.kind == InstantKind::Stall && item.count == 1);
    if (room > ctx.small_size * 1.5f && !label.empty() && !wordless) {
      const ImVec2 pos(item.x + r + 3, y - ctx.small_size * 0.5f);
      const float w = std::min(room, ctx.small->CalcTextSizeA(ctx.small_size, FLT_MAX, 0, label.c_str()).x);
      ctx.dl->AddRectFilled(ImVec2(pos.x - 1, pos.y), ImVec2(pos.x + w + 2, pos.y + ctx.small_size),
                            with_alpha(ctx.c.bg, 0.75f), 2.0f);
      text_clipped(ctx.dl, ctx.small, ctx.small_size, pos, room, item.count > 1 ? ctx.c.text_dim : color == ctx.c.text_dim ? ctx.c.text_dim : ctx.c.text, label);
    }
  }
}

}  // namespace

ImU32 span_color(const DrawContext& ctx, const Lane& lane, const Span& span) {
  switch (span.kind) {
    case SpanKind::Step:
      if (lane.kind == LaneKind::Loop) return span.target != kNoLane ? lane_color(ctx, span.target) : ctx.c.callback;
      return lane_color(ctx, lane.id);
    case SpanKind::Callback: return ctx.c.callback;
    case SpanKind::Idle: return ctx.c.idle;
    case SpanKind::Blocking: return ctx.c.error;
    case SpanKind::Job: return lane_color(ctx, lane.id);
    case SpanKind::GenRunning:
    case SpanKind::GenAwaiting:
    case SpanKind::GenPulling:
    case SpanKind::GenSuspended: return lane_color(ctx, lane.id);
    case SpanKind::Suspended:
    case SpanKind::Ready: return lane_color(ctx, lane.id);
  }
  return ctx.c.text_dim;
}

void draw_row(const DrawContext& ctx, const Lane& lane, const RowItems& items, float y0, float y1) {
  const float pad = std::max(3.0f, (y1 - y0) * 0.12f);
  const Bar bar{y0 + pad, y1 - pad};
  for (const SpanItem& item : items.spans) {
    if (item.merged()) {
      draw_merged(ctx, lane, item, bar);
    } else {
      draw_span(ctx, lane, lane.spans[item.first], item, bar);
    }
  }
  // Blocking overlays sit on the bar's middle so what they block still shows around them.
  const Bar overlay{bar.y0 + (bar.y1 - bar.y0) * 0.1f, bar.y1 - (bar.y1 - bar.y0) * 0.1f};
  for (const SpanItem& item : items.overlays) draw_overlay(ctx, lane, item, overlay);
  draw_instants(ctx, lane, items, y0, y1);
}

}  // namespace loopscope::timeline
