#include "platform/video_encoder.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <utility>

extern char** environ;

namespace loopscope::platform {
namespace fs = std::filesystem;

namespace {

// ffmpeg sees its files as these descriptors: the output, then up to two inputs.
constexpr int kOutFd = 3, kInFd = 4, kIn2Fd = 5;
constexpr int kFirstPrivateFd = 10;  // ours live above the ones we hand to ffmpeg

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string errno_text() { return std::strerror(errno); }

// A file without a name in $TMPDIR: it disappears with the last descriptor, whatever happens
// to this process or to ffmpeg.
int anonymous_file(std::string* error) {
  const char* env = std::getenv("TMPDIR");
  const std::string dir = env && *env ? env : "/tmp";
  int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0) {  // a file system without O_TMPFILE: a named file, unlinked at once
    std::string name = dir + "/loopscope-video-XXXXXX";
    fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd >= 0) ::unlink(name.c_str());
  }
  if (fd < 0) {
    if (error) *error = "cannot make a temporary file in " + dir + ": " + errno_text();
    return -1;
  }
  const int high = ::fcntl(fd, F_DUPFD_CLOEXEC, kFirstPrivateFd);
  ::close(fd);
  return high;
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// The last lines ffmpeg wrote to its log, for an error message.
std::string log_tail(int fd) {
  std::string text;
  char buffer[4096];
  off_t offset = 0;
  for (ssize_t n; fd >= 0 && (n = ::pread(fd, buffer, sizeof buffer, offset)) > 0; offset += n) text.append(buffer, static_cast<std::size_t>(n));
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  std::size_t start = text.size();  // back over the last four lines
  for (int lines = 0; lines < 4 && start != std::string::npos; ++lines)
    start = start == 0 ? std::string::npos : text.rfind('\n', start - 1);
  text = start == std::string::npos ? text : text.substr(start + 1);
  return text.empty() ? std::string("it said nothing") : text;
}

// Starts `argv` with the given descriptors as its fds (target, ours); stdin is /dev/null
// unless mapped, stdout always. Its own process group: Ctrl-C in a terminal reaches loopscope,
// which then stops it, instead of ffmpeg ending a file by itself.
pid_t spawn_ffmpeg(const std::vector<std::string>& argv, const std::vector<std::pair<int, int>>& fds, std::string* error) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  for (const auto& [target, ours] : fds) posix_spawn_file_actions_adddup2(&actions, ours, target);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (int s : {SIGPIPE, SIGINT, SIGTERM, SIGHUP}) sigaddset(&defaults, s);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0].c_str(), &actions, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    if (error) *error = "cannot start " + argv[0] + ": " + std::strerror(rc);
    return -1;
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  return status;
}

std::string fd_path(int fd) { return "/proc/self/fd/" + std::to_string(fd); }

std::string fps_text(double fps) {
  std::ostringstream out;
  out << fps;
  return out.str();
}

bool executable(const std::string& path) { return ::access(path.c_str(), X_OK) == 0 && !fs::is_directory(path); }

}  // namespace

std::optional<VideoFormat> video_format_of(const std::string& path) {
  const std::string ext = lower(fs::path(path).extension().string());
  if (ext == ".mp4") return VideoFormat::Mp4;
  if (ext == ".gif") return VideoFormat::Gif;
  return std::nullopt;
}

std::string find_ffmpeg(std::string* error) {
  if (const char* env = std::getenv("LOOPSCOPE_FFMPEG"); env && *env) {
    if (executable(env)) return env;
    if (error) *error = std::string("LOOPSCOPE_FFMPEG is set to ") + env + ", which is not a program that can be run";
    return {};
  }
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const std::string candidate = (dir.empty() ? std::string(".") : dir) + "/ffmpeg";
    if (executable(candidate)) return candidate;
  }
  if (error)
    *error = "recording a video needs the ffmpeg program, which was not found on PATH. "
             "Install the Debian package ffmpeg (as root: apt-get install ffmpeg), "
             "or point LOOPSCOPE_FFMPEG at an ffmpeg program";
  return {};
}

std::unique_ptr<VideoEncoder> VideoEncoder::start(const VideoSpec& spec, std::string* error) {
  const fs::path folder = fs::absolute(spec.path).parent_path();
  if (!fs::is_directory(folder) || ::access(folder.c_str(), W_OK) != 0) {
    if (error) *error = "cannot write into " + folder.string() + " (no such folder, or no permission)";
    return nullptr;
  }
  if (spec.format == VideoFormat::Mp4 && (spec.width % 2 != 0 || spec.height % 2 != 0)) {
    if (error) *error = "an MP4 needs an even width and height (got " + std::to_string(spec.width) + "x" + std::to_string(spec.height) + ")";
    return nullptr;
  }
  std::unique_ptr<VideoEncoder> encoder(new VideoEncoder(spec));
  encoder->log_fd_ = anonymous_file(error);
  encoder->first_out_ = anonymous_file(error);
  if (encoder->log_fd_ < 0 || encoder->first_out_ < 0) return nullptr;
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    if (error) *error = "cannot make a pipe for ffmpeg: " + errno_text();
    return nullptr;
  }
  const int read_end = ::fcntl(pipe_fds[0], F_DUPFD_CLOEXEC, kFirstPrivateFd);
  ::close(pipe_fds[0]);
  encoder->frames_fd_ = ::fcntl(pipe_fds[1], F_DUPFD_CLOEXEC, kFirstPrivateFd);
  ::close(pipe_fds[1]);
  // A closed pipe is an error to report (ffmpeg's message), not a signal that ends loopscope.
  ::signal(SIGPIPE, SIG_IGN);

  std::vector<std::string> argv = {spec.ffmpeg, "-hide_banner", "-nostats", "-loglevel", "error", "-y",
                                   "-f", "rawvideo", "-pix_fmt", "rgba",
                                   "-video_size", std::to_string(spec.width) + "x" + std::to_string(spec.height),
                                   "-framerate", fps_text(spec.fps), "-i", "pipe:0", "-an"};
  if (spec.format == VideoFormat::Mp4) {
    // yuv420p and the main profile: what browsers, phones and presentation software play.
    for (const char* a : {"-c:v", "libx264", "-preset", "medium", "-crf", "18", "-tune", "animation", "-pix_fmt", "yuv420p",
                          "-profile:v", "main", "-movflags", "+faststart", "-f", "mp4"})
      argv.emplace_back(a);
  } else {
    // The GIF's palette is made from every frame, so the frames are kept losslessly first.
    for (const char* a : {"-c:v", "ffv1", "-f", "matroska"}) argv.emplace_back(a);
  }
  argv.push_back(fd_path(kOutFd));
  encoder->pid_ = spawn_ffmpeg(argv, {{0, read_end}, {2, encoder->log_fd_}, {kOutFd, encoder->first_out_}}, error);
  ::close(read_end);
  if (encoder->pid_ < 0) return nullptr;
  return encoder;
}

VideoEncoder::~VideoEncoder() {
  if (!done_) cancel();
}

bool VideoEncoder::write(const std::vector<unsigned char>& rgba, std::string* error) {
  const std::size_t expected = static_cast<std::size_t>(spec_.width) * static_cast<std::size_t>(spec_.height) * 4;
  if (rgba.size() != expected) {
    if (error) *error = "a frame of the wrong size";
    return false;
  }
  std::size_t sent = 0;
  while (sent < rgba.size()) {
    const ssize_t n = ::write(frames_fd_, rgba.data() + sent, rgba.size() - sent);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close_fd(frames_fd_);
      wait_ffmpeg("while reading the frames", error);
      return false;
    }
    sent += static_cast<std::size_t>(n);
  }
  ++frames_;
  return true;
}

// Waits for the running ffmpeg; polls so that a cancel (Ctrl-C, the GUI's Cancel) stops it.
bool VideoEncoder::wait_ffmpeg(const std::string& what, std::string* error) {
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) break;
    if (done < 0 && errno != EINTR) break;
    if (spec_.cancelled && spec_.cancelled()) {
      if (error) *error = "cancelled";
      return false;  // the caller cancels, which kills it
    }
    ::usleep(10'000);
  }
  pid_ = -1;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return true;
  if (error) {
    const std::string how = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                              : "signal " + std::to_string(WTERMSIG(status));
    *error = "ffmpeg (" + spec_.ffmpeg + ") failed " + what + " (" + how + "): " + log_tail(log_fd_);
  }
  return false;
}

bool VideoEncoder::run_pass(const std::vector<std::string>& args, const std::vector<std::pair<int, int>>& fds,
                            std::string* error) {
  pid_ = spawn_ffmpeg(args, fds, error);
  return pid_ > 0 && wait_ffmpeg("making the GIF", error);
}

// Two more passes over the lossless frames: a palette of the clip's own colours, then the GIF.
bool VideoEncoder::make_gif(int gif, std::string* error) {
  const int palette = anonymous_file(error);
  if (palette < 0) return false;
  const std::vector<std::string> common = {spec_.ffmpeg, "-hide_banner", "-nostats", "-loglevel", "error", "-y"};
  std::vector<std::string> make_palette = common;
  for (const char* a : {"-i", "IN", "-vf", "palettegen=stats_mode=full", "-f", "image2pipe", "-c:v", "png", "OUT"})
    make_palette.emplace_back(a);
  std::vector<std::string> use_palette = common;
  // No dithering: the UI is flat colours and text, which dither noise only blurs.
  for (const char* a : {"-i", "IN", "-f", "png_pipe", "-i", "IN2", "-lavfi", "[0:v][1:v]paletteuse=dither=none", "-f", "gif", "OUT"})
    use_palette.emplace_back(a);
  for (auto* args : {&make_palette, &use_palette}) {
    for (std::string& a : *args) {
      if (a == "IN") a = fd_path(kInFd);
      if (a == "IN2") a = fd_path(kIn2Fd);
      if (a == "OUT") a = fd_path(kOutFd);
    }
  }
  const bool ok = run_pass(make_palette, {{2, log_fd_}, {kInFd, first_out_}, {kOutFd, palette}}, error) &&
                  run_pass(use_palette, {{2, log_fd_}, {kInFd, first_out_}, {kIn2Fd, palette}, {kOutFd, gif}}, error);
  ::close(palette);
  return ok;
}

bool VideoEncoder::finish(std::string* error) {
  close_fd(frames_fd_);  // the end of the frames: ffmpeg finishes the file
  bool ok = wait_ffmpeg("encoding", error);
  int result = first_out_;
  if (ok && spec_.format == VideoFormat::Gif) {
    result = anonymous_file(error);
    ok = result >= 0 && make_gif(result, error);
  }
  ok = ok && install_result(result, error);
  if (result != first_out_ && result >= 0) ::close(result);
  cancel();  // closes what is left; the result is in place, or nothing is
  return ok;
}

// Copies the finished file beside the destination, then renames it over: a reader of
// spec.path sees the old file or the whole new one, never a part.
bool VideoEncoder::install_result(int fd, std::string* error) {
  const fs::path target = fs::absolute(spec_.path);
  const fs::path part = target.parent_path() / ("." + target.filename().string() + ".part-" + std::to_string(::getpid()));
  const int out = ::open(part.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (out < 0) {
    if (error) *error = "cannot write " + part.string() + ": " + errno_text();
    return false;
  }
  char buffer[1 << 16];
  off_t offset = 0;
  bool ok = true;
  for (ssize_t n; (n = ::pread(fd, buffer, sizeof buffer, offset)) != 0; offset += n) {
    if (n < 0 || ::write(out, buffer, static_cast<std::size_t>(n)) != n) {
      ok = false;
      break;
    }
  }
  ok = ::close(out) == 0 && ok && offset > 0;
  if (ok && ::rename(part.c_str(), target.c_str()) == 0) return true;
  if (error) *error = "cannot write " + target.string() + ": " + (offset == 0 ? std::string("ffmpeg wrote nothing") : errno_text());
  ::unlink(part.c_str());
  return false;
}

void VideoEncoder::cancel() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    wait_for(pid_);
    pid_ = -1;
  }
  close_fd(frames_fd_);
  close_fd(first_out_);
  close_fd(log_fd_);
  done_ = true;
}

}  // namespace loopscope::platform
