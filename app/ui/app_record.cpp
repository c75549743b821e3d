// The App and File > Record video…: hands the current run, and how it is shown, to the
// recorder (ui/record_video_view.h), and says in the status bar when the video is written.
#include <tuple>

#include "ui/app.h"

namespace loopscope::ui {

void App::OpenRecordOptions(const std::string& path) {
  record_view_.Configure(path, settings_.layout.presenter, EffectiveScale());
}

void App::DrawRecording() {
  const RecordVideoView::Outcome outcome = record_view_.Draw();
  if (outcome.start) {
    RecordingSource source;
    source.trace = &trace();
    if (const Lesson* l = workspace_.lesson()) {
      source.lesson_id = l->id;
      source.lessons_dir = workspace_.catalog().dir;
      source.knobs = workspace_.knob_values();
    }
    if (workspace_.program().dirty()) source.edited_text = workspace_.program().text;
    source.theme = theme_id_;
    if (const Trace* pinned = workspace_.PinnedTrace()) {
      source.pinned = pinned;
      std::tie(source.pinned_title, source.current_title) = workspace_.ComparisonTitles();
    }
    std::string error;
    if (!record_view_.Start(source, &error)) Toast("Could not record: " + error);
  }
  if (!outcome.message.empty()) Toast(outcome.message);
}

}  // namespace loopscope::ui
