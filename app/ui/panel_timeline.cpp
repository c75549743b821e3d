#include "ui/panel_timeline.h"

#include <utility>

#include "ui/timeline_view.h"

namespace loopscope::ui {

struct TimelineHost::Impl {
  TimelineView view;
};

TimelineHost::TimelineHost() : impl_(std::make_unique<Impl>()) {}
TimelineHost::~TimelineHost() = default;

void TimelineHost::Draw(const Trace& trace, Playhead& playhead, Selection& selection, bool live) {
  impl_->view.Draw(trace, playhead, selection, live);
}
void TimelineHost::OnNewTrace() { impl_->view.OnNewTrace(); }
void TimelineHost::RequestFit() { impl_->view.RequestFit(); }
bool TimelineHost::ShortcutsOverlay() const { return impl_->view.show_shortcuts; }
void TimelineHost::SetShortcutsOverlay(bool on) { impl_->view.show_shortcuts = on; }
void TimelineHost::SetPresenter(bool on) { impl_->view.presenter = on; }
void TimelineHost::SetQuiz(NextRunGame* game) { impl_->view.quiz = game; }
void TimelineHost::SetPinned(const Trace* pinned, std::string pinned_title, std::string current_title) {
  impl_->view.SetPinned(pinned, std::move(pinned_title), std::move(current_title));
}
bool TimelineHost::PinnedFocused() const { return impl_->view.PinnedFocused(); }
Playhead& TimelineHost::PinnedPlayhead() { return impl_->view.PinnedPlayhead(); }
bool TimelineHost::TakeUnpinRequest() { return std::exchange(impl_->view.unpin_requested, false); }

timeline::SvgExportOptions TimelineHost::ExportOptions() const {
  timeline::SvgExportOptions options;
  options.t0 = impl_->view.axis().start();
  options.t1 = impl_->view.axis().end();
  options.view = impl_->view.options;
  return options;
}

}  // namespace loopscope::ui
