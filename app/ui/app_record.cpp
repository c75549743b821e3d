// The App and File > Record video…: hands the current run, and how it is shown, to the
// recorder (ui/record_video_view.h), and says in the status bar when the video is written.
#include "ui/app.h"

namespace loopscope::ui {

void App::OpenRecordOptions(const std::string& path) {
  record_view_.Configure(path, settings_.layout.presenter, EffectiveScale());
}

void App::DrawRecording() {
  const RecordVideoView::Outcome outcome = record_view_.Draw();
  if (outcome.start) {
    RecordingSource source;
    source.trace = &trace_;
    if (const Lesson* l = lesson()) {
      source.lesson_id = l->id;
      source.lessons_dir = catalog_.dir;
      source.knobs = knob_values_;
    }
    if (program_.dirty()) source.edited_text = program_.text;
    source.theme = theme_id_;
    if (const Trace* pinned = PinnedTrace()) {
      source.pinned = pinned;
      source.pinned_title = pinned_title_;
      source.current_title = current_title_;
    }
    std::string error;
    if (!record_view_.Start(source, &error)) Toast("Could not record: " + error);
  }
  if (!outcome.message.empty()) Toast(outcome.message);
}

}  // namespace loopscope::ui
