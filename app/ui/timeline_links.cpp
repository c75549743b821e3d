// Arrows between lanes: who woke whom, who created which task, hand-offs to worker threads.
// They fade as they get dense so a busy run does not turn into a hairball.
#include <algorithm>
#include <cmath>

#include "ui/timeline_draw.h"

namespace loopscope::timeline {

namespace {

ImU32 link_color(const DrawContext& ctx, const Link& link) {
  switch (link.kind) {
    case LinkKind::Created: return ctx.c.text_dim;
    case LinkKind::Woke: return ctx.c.accent;
    case LinkKind::TimerFired: return ctx.c.text_dim;
    case LinkKind::JobStart:
    case LinkKind::JobDone: return ctx.c.warn;
    case LinkKind::Drove: return ctx.c.text_faint;
  }
  return ctx.c.accent;
}

void arrow_head(ImDrawList* dl, ImVec2 tip, ImVec2 from, ImU32 color, float size) {
  float dx = tip.x - from.x, dy = tip.y - from.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 0.001f) return;
  dx /= len;
  dy /= len;
  const ImVec2 base(tip.x - dx * size, tip.y - dy * size);
  dl->AddTriangleFilled(tip, ImVec2(base.x - dy * size * 0.5f, base.y + dx * size * 0.5f),
                        ImVec2(base.x + dy * size * 0.5f, base.y - dx * size * 0.5f), color);
}

}  // namespace

void draw_links(const DrawContext& ctx, const TimelineFrame& frame, const std::vector<float>& lane_center_y) {
  if (frame.links.empty()) return;
  // Full strength up to ~40 arrows in view, fading to a hint beyond a few hundred.
  const float density = static_cast<float>(frame.links_in_view);
  const float alpha = std::clamp(40.0f / std::max(density, 1.0f), 0.12f, 0.85f);
  const auto& links = ctx.trace.links();
  for (const LinkItem& item : frame.links) {
    const Link& link = links[item.link];
    // Timer wake-ups come from the loop itself and generator drives sit next to their driver:
    // drawn, they only add vertical noise. The late timer's flag tells that story instead.
    if (link.kind == LinkKind::TimerFired || link.kind == LinkKind::Drove) continue;
    const auto y_of = [&](LaneId lane) {
      return lane >= 0 && static_cast<std::size_t>(lane) < lane_center_y.size() ? lane_center_y[static_cast<std::size_t>(lane)] : -1.0f;
    };
    const float ya = y_of(item.from), yb = y_of(item.to);
    if (ya < 0 || yb < 0) continue;
    const ImVec2 a(item.x0, ya), b(item.x1, yb);
    const ImU32 color = with_alpha(link_color(ctx, link), alpha);
    const float bend = std::max(12.0f, std::fabs(b.x - a.x) * 0.3f);
    const float dir = b.x >= a.x ? 1.0f : -1.0f;
    ctx.dl->AddBezierCubic(a, ImVec2(a.x + bend * dir, a.y), ImVec2(b.x - bend * dir, b.y), b, color, 1.5f);
    arrow_head(ctx.dl, b, ImVec2(b.x - bend * dir, b.y), color, 7.0f);
  }
}

}  // namespace loopscope::timeline
