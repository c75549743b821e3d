// The time ruler above the rows and the grid lines through them.
#include "ui/timeline_draw.h"

namespace loopscope::timeline {

void draw_ruler(const DrawContext& ctx, const std::vector<AxisTick>& ticks, float y0, float y1, float grid_top,
                float grid_bottom) {
  ImDrawList* dl = ctx.dl;
  const float left = ctx.axis.x0(), right = ctx.axis.x0() + ctx.axis.width();
  dl->AddRectFilled(ImVec2(left, y0), ImVec2(right, y1), ctx.c.header_bg);
  dl->AddLine(ImVec2(left, y1), ImVec2(right, y1), ctx.c.border);
  for (const AxisTick& tick : ticks) {
    if (tick.x < left - 1 || tick.x > right + 1) continue;
    const float len = tick.major ? (y1 - y0) * 0.45f : (y1 - y0) * 0.2f;
    dl->AddLine(ImVec2(tick.x, y1 - len), ImVec2(tick.x, y1), tick.major ? ctx.c.text_dim : ctx.c.text_faint);
    if (tick.major) {
      dl->AddLine(ImVec2(tick.x, grid_top), ImVec2(tick.x, grid_bottom), ctx.c.grid);
      const float w = ctx.small->CalcTextSizeA(ctx.small_size, FLT_MAX, 0, tick.label.c_str()).x;
      float x = tick.x + 3;
      if (x + w > right) x = tick.x - w - 3;  // keep the last label inside
      dl->AddText(ctx.small, ctx.small_size, ImVec2(x, y0 + 2), ctx.c.text_dim, tick.label.c_str());
    }
  }
}

}  // namespace loopscope::timeline
