#include "ui/timeline_image.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

#include "platform/offscreen.h"
#include "ui/imgui_canvas.h"

namespace loopscope::ui {

platform::Image timeline_image(const Trace& trace, const Theme& theme, const timeline::SvgExportOptions& options,
                               std::string* error) {
  const ImGuiCanvas::Fonts fonts = timeline_fonts();
  const ImGuiTextMetrics metrics(fonts);
  timeline::ExportPicture picture(trace, theme, metrics, options);
  const float width = std::ceil(picture.width()), height = std::ceil(picture.height());
  ImDrawList draw_list(ImGui::GetDrawListSharedData());
  draw_list._ResetForNewFrame();
  draw_list.PushTextureID(ImGui::GetIO().Fonts->TexID);
  draw_list.PushClipRect(ImVec2(0, 0), ImVec2(width, height));
  ImGuiCanvas canvas(&draw_list, fonts);
  picture.paint(canvas);
  return platform::render_draw_list(draw_list, static_cast<int>(width), static_cast<int>(height), error);
}

}  // namespace loopscope::ui
