#include "ui/panel_timeline.h"

#include <imgui.h>

#include "platform/fonts.h"
#include "platform/theme.h"

#if LOOPSCOPE_HAVE_TIMELINE
#include "ui/timeline_view.h"
#endif

namespace loopscope::ui {

#if LOOPSCOPE_HAVE_TIMELINE
struct TimelineHost::Impl {
  TimelineView view;
};
#else
struct TimelineHost::Impl {
  bool overlay = false;
};
#endif

TimelineHost::TimelineHost() : impl_(std::make_unique<Impl>()) {}
TimelineHost::~TimelineHost() = default;

#if LOOPSCOPE_HAVE_TIMELINE
void TimelineHost::Draw(const Trace& trace, Playhead& playhead, Selection& selection, bool live) {
  impl_->view.Draw(trace, playhead, selection, live);
}
void TimelineHost::OnNewTrace() { impl_->view.OnNewTrace(); }
void TimelineHost::RequestFit() { impl_->view.RequestFit(); }
bool TimelineHost::ShortcutsOverlay() const { return impl_->view.show_shortcuts; }
void TimelineHost::SetShortcutsOverlay(bool on) { impl_->view.show_shortcuts = on; }
#else
// Placeholder until the timeline panel is built in: the lanes and the event count.
void TimelineHost::Draw(const Trace& trace, Playhead& playhead, Selection&, bool) {
  const auto& pal = platform::palette();
  ImGui::PushFont(platform::fonts().bold);
  ImGui::TextUnformatted("Timeline");
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.text_dim));
  if (trace.empty()) {
    ImGui::TextWrapped("Run the program to see its tasks, suspensions and threads here.");
  } else {
    ImGui::Text("%zu events, %zu lanes; playhead at event %u", trace.events().size(), trace.lanes().size(),
                playhead.position());
    for (std::size_t i = 0; i < trace.lanes().size(); ++i) {
      ImGui::BulletText("%s", trace.display_name(static_cast<LaneId>(i)).c_str());
    }
  }
  ImGui::PopStyleColor();
}
void TimelineHost::OnNewTrace() {}
void TimelineHost::RequestFit() {}
bool TimelineHost::ShortcutsOverlay() const { return impl_->overlay; }
void TimelineHost::SetShortcutsOverlay(bool on) { impl_->overlay = on; }
#endif

}  // namespace loopscope::ui
