// Video files from rendered frames: raw RGBA frames go down a pipe into Debian's `ffmpeg`
// program, which makes an MP4 (H.264, yuv420p, playable everywhere) or a GIF (with a palette
// made for the clip, in a second pass).
//
// Nothing half-written is ever left behind: ffmpeg writes into files that have no name (opened,
// then unlinked, in $TMPDIR), so a cancelled, failed or even killed recording leaves nothing;
// only finish() copies the result beside the destination and renames it into place.
#pragma once

#include <sys/types.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace loopscope::platform {

enum class VideoFormat { Mp4, Gif };

// By the file's extension (.mp4, .gif; any case); nullopt for anything else.
std::optional<VideoFormat> video_format_of(const std::string& path);

// The ffmpeg program: $LOOPSCOPE_FFMPEG when set, else `ffmpeg` on PATH. Empty with `error`
// saying what to install when there is none.
std::string find_ffmpeg(std::string* error);

struct VideoSpec {
  std::string path;        // the destination (.mp4 or .gif)
  VideoFormat format = VideoFormat::Mp4;
  int width = 0, height = 0;  // even for MP4 (yuv420p halves the colour planes)
  double fps = 30.0;
  std::string ffmpeg;      // the program (find_ffmpeg)
  std::function<bool()> cancelled;  // polled while ffmpeg finishes: true stops it, nothing written
};

class VideoEncoder {
 public:
  // Starts ffmpeg. Null with `error` when it cannot start.
  static std::unique_ptr<VideoEncoder> start(const VideoSpec& spec, std::string* error);
  ~VideoEncoder();  // cancels unless finish() succeeded
  VideoEncoder(const VideoEncoder&) = delete;
  VideoEncoder& operator=(const VideoEncoder&) = delete;

  // One frame: width * height * 4 bytes, top row first. False with `error` (ffmpeg's own
  // message) when ffmpeg stopped.
  bool write(const std::vector<unsigned char>& rgba, std::string* error);
  // Ends the stream, runs the GIF's palette passes and puts the file at spec.path. False with
  // `error` (and nothing at spec.path changed) when anything fails.
  bool finish(std::string* error);
  // Stops ffmpeg at once; nothing is written.
  void cancel();

  const VideoSpec& spec() const { return spec_; }
  long frames_written() const { return frames_; }

 private:
  explicit VideoEncoder(VideoSpec spec) : spec_(std::move(spec)) {}
  bool wait_ffmpeg(const std::string& what, std::string* error);
  bool run_pass(const std::vector<std::string>& args, const std::vector<std::pair<int, int>>& fds, std::string* error);
  bool make_gif(int gif, std::string* error);
  bool install_result(int fd, std::string* error);

  VideoSpec spec_;
  pid_t pid_ = -1;       // the ffmpeg reading our frames
  int frames_fd_ = -1;   // the pipe's write end
  int first_out_ = -1;   // what that ffmpeg writes: the MP4, or the GIF's lossless intermediate
  int log_fd_ = -1;      // its stderr
  long frames_ = 0;
  bool done_ = false;
};

}  // namespace loopscope::platform
