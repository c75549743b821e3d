#include "ui/timeline_image.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

#include "core/timeline_frame.h"
#include "platform/offscreen.h"
#include "ui/imgui_canvas.h"

namespace loopscope::ui {

platform::Image timeline_image(const Trace& trace, const Theme& theme, const timeline::SvgExportOptions& options,
                               std::string* error) {
  const ImGuiCanvas::Fonts fonts = timeline_fonts();
  const float width = std::max(options.width, 400.0f);
  const timeline::TimelineStyle style =
      timeline::TimelineStyle::for_fonts(fonts.label->FontSize, fonts.small->FontSize, width);
  TimeAxis axis;
  if (options.t1 > options.t0) {
    axis.set_run_end(std::max<Nanos>(trace.end_time(), 1000));
    axis.set_range(options.t0, options.t1);
  } else {
    fit_to_run(axis, trace);
  }
  timeline::TimelineOptions view = options.view;
  if (view.title.empty()) view.title = timeline::export_title(trace, axis);
  const float height = std::ceil(timeline::TimelineScene::full_height(trace, style, view));

  timeline::TimelineScene scene;
  scene.sync(trace, theme);
  scene.layout(trace, axis, style, view, timeline::Rect{0, 0, width, height}, 0);
  ImDrawList draw_list(ImGui::GetDrawListSharedData());
  draw_list._ResetForNewFrame();
  draw_list.PushTextureID(ImGui::GetIO().Fonts->TexID);
  draw_list.PushClipRect(ImVec2(0, 0), ImVec2(width, height));
  ImGuiCanvas canvas(&draw_list, fonts);
  timeline::PaintState state;
  state.playhead = options.playhead;
  state.empty_hint = "The trace is empty.";
  scene.paint(canvas, trace, theme, axis, state);
  return platform::render_draw_list(draw_list, static_cast<int>(width), static_cast<int>(height), error);
}

}  // namespace loopscope::ui
