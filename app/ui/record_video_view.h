// File > Record video…: the options (size, frames per second, speed, text size, presenter
// layout), then `loopscope record` on a copy of the current run, with a progress bar and Cancel,
// and a message in the status bar when the video is written.
//
// The recording runs in a child process (this very binary): it renders the same App offscreen
// into its own hidden window, so the window on screen never waits for it, keeps its own state
// (playhead, zoom, panels) untouched, and cannot be taken down by the encoder. Cancel sends
// SIGTERM, after which the recorder leaves nothing behind (platform/video_encoder.h).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/lesson_catalog.h"
#include "core/trace_model.h"
#include "runner/child_process.h"

namespace loopscope::ui {

// What is recorded: the App's run, and how the App shows it.
struct RecordingSource {
  const Trace* trace = nullptr;
  std::string lesson_id;      // empty: not a lesson (a script or a trace)
  std::string lessons_dir;    // empty: the recorder finds them as the App did
  KnobValues knobs;           // the lesson's knob values, as shown in its panel
  std::string edited_text;    // the program text the run ran, when it was edited (else empty)
  std::string theme;
  // Runs compared: the earlier run shown above this one, and both titles ("blocking = on").
  const Trace* pinned = nullptr;
  std::string pinned_title, current_title;
};

// The learner's choices in the dialog.
struct RecordChoices {
  std::string path;           // .mp4 or .gif
  int width = 1280, height = 720;
  int fps = 30;
  double speed = 0.0;         // 0: auto
  int length_s = 12;          // auto: the playback's length
  float scale = 1.0f;
  bool presenter = false;
};

// The recorder's command line (after the program path): files written by the caller.
std::vector<std::string> record_arguments(const RecordingSource& source, const RecordChoices& choices,
                                          const std::string& trace_file, const std::string& code_file,
                                          const std::string& pinned_file = {});

class RecordVideoView {
 public:
  RecordVideoView() = default;
  ~RecordVideoView();  // stops a recording still running; nothing is left behind
  RecordVideoView(const RecordVideoView&) = delete;
  RecordVideoView& operator=(const RecordVideoView&) = delete;

  // After the file was chosen: the options dialog for a recording into `path`.
  void Configure(const std::string& path, bool presenter, float scale);

  struct Outcome {
    bool start = false;        // Record was pressed: call Start() with the source
    std::string message;       // the recording ended: a line for the status bar
  };
  // The options or the progress popup, and the child's progress (every frame).
  Outcome Draw();
  // Starts recording `source` with the chosen options. False with `error`.
  bool Start(const RecordingSource& source, std::string* error);
  bool Active() const { return child_ != nullptr || configuring_; }
  void Cancel();

 private:
  void DrawOptions(Outcome& outcome);
  void DrawProgress(Outcome& outcome);
  void Poll(Outcome& outcome);
  void ReadProgress();
  void Finish(Outcome& outcome);
  void RemoveFiles();

  RecordChoices choices_;
  bool configuring_ = false;
  bool open_options_ = false, open_progress_ = false;
  std::unique_ptr<ChildProcess> child_;
  std::string temp_dir_;
  std::string out_buffer_, err_text_;
  long done_ = 0, total_ = 0;
  bool cancelling_ = false;
  double cancel_deadline_ = 0.0;
  std::string failure_;       // shown in the progress popup after a failed recording
  bool show_failure_ = false;
};

}  // namespace loopscope::ui
