#include "ui/record_video_view.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/chrome_export.h"
#include "core/color.h"
#include "core/data_paths.h"
#include "platform/theme.h"
#include "workspace/monotonic_clock.h"

namespace loopscope::ui {
namespace fs = std::filesystem;

namespace {

struct SizeChoice {
  const char* label;
  int width, height;
};
constexpr SizeChoice kSizes[] = {
    {"1280 x 720 (HD)", 1280, 720}, {"1920 x 1080 (Full HD)", 1920, 1080}, {"960 x 540", 960, 540}, {"640 x 360", 640, 360}};
constexpr int kFps[] = {10, 15, 24, 30, 60};
struct SpeedChoice {
  const char* label;
  double speed;  // 0: auto
};
constexpr SpeedChoice kSpeeds[] = {{"Auto: as long as set below", 0.0},
                                   {"Real time (1x)", 1.0},
                                   {"2 times slower (0.5x)", 0.5},
                                   {"4 times slower (0.25x)", 0.25},
                                   {"10 times slower (0.1x)", 0.1},
                                   {"100 times slower (0.01x)", 0.01}};
constexpr float kScales[] = {1.0f, 1.25f, 1.5f, 2.0f};
constexpr double kCancelGrace_s = 5.0;  // after SIGTERM, before the recorder is killed

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

std::string own_program() {
  const fs::path self = executable_path();
  return self.empty() ? std::string("loopscope") : self.string();
}

void set_nonblocking(int fd) {
  if (fd >= 0) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

// Appends what `fd` has now (never waits).
void drain(int fd, std::string& into) {
  char buffer[4096];
  for (ssize_t n; fd >= 0 && (n = ::read(fd, buffer, sizeof buffer)) > 0;) into.append(buffer, static_cast<std::size_t>(n));
}

// The recorder's last words, without its "loopscope: " prefixes and progress lines.
std::string last_error(const std::string& stderr_text) {
  std::string message;
  std::size_t start = 0;
  while (start < stderr_text.size()) {
    std::size_t end = stderr_text.find('\n', start);
    if (end == std::string::npos) end = stderr_text.size();
    std::string line = stderr_text.substr(start, end - start);
    start = end + 1;
    if (line.rfind("loopscope: ", 0) == 0) line = line.substr(11);
    if (!line.empty() && line.rfind("recording ", 0) != 0) message = line;  // the plan line is no error
  }
  return message.empty() ? std::string("the recorder stopped without saying why") : message;
}

bool write_file(const std::string& path, const std::string& text, std::string* error) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (out.flush()) return true;
  *error = "cannot write " + path;
  return false;
}

template <typename T, std::size_t N, typename Label>
void combo(const char* name, const T (&items)[N], int& index, Label label) {
  if (!ImGui::BeginCombo(name, label(items[index]).c_str())) return;
  for (int i = 0; i < static_cast<int>(N); ++i) {
    if (ImGui::Selectable(label(items[i]).c_str(), i == index)) index = i;
  }
  ImGui::EndCombo();
}

}  // namespace

std::vector<std::string> record_arguments(const RecordingSource& source, const RecordChoices& choices,
                                          const std::string& trace_file, const std::string& code_file,
                                          const std::string& pinned_file) {
  std::vector<std::string> args = {"record", "-o", choices.path, "--trace", trace_file,
                                   "--size", std::to_string(choices.width) + "x" + std::to_string(choices.height),
                                   "--fps", std::to_string(choices.fps), "--scale", number(choices.scale), "--progress"};
  if (choices.speed > 0) args.insert(args.end(), {"--speed", number(choices.speed)});
  else args.insert(args.end(), {"--length", std::to_string(choices.length_s)});
  if (choices.presenter) args.push_back("--presenter");
  if (!source.theme.empty()) args.insert(args.end(), {"--theme", source.theme});
  if (!source.lesson_id.empty()) {
    args.insert(args.end(), {"--lesson", source.lesson_id});
    if (!source.lessons_dir.empty()) args.insert(args.end(), {"--lessons-dir", source.lessons_dir});
    std::string view;
    for (const auto& [name, value] : source.knobs) view += (view.empty() ? "knob:" : ",knob:") + name + "=" + value;
    if (!view.empty()) args.insert(args.end(), {"--view", view});
  }
  if (!code_file.empty()) args.insert(args.end(), {"--code", code_file});
  if (!pinned_file.empty())
    args.insert(args.end(), {"--pinned", pinned_file, "--pinned-title", source.pinned_title, "--title", source.current_title});
  return args;
}

RecordVideoView::~RecordVideoView() {
  if (child_) {
    Cancel();
    const double until = monotonic_seconds() + kCancelGrace_s;
    while (!child_->poll_exit() && monotonic_seconds() < until) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    child_.reset();  // kills it if it is still there
  }
  RemoveFiles();
}

void RecordVideoView::Configure(const std::string& path, bool presenter, float scale) {
  choices_.path = path;
  choices_.presenter = presenter;
  choices_.scale = scale;
  // A GIF plays smoothly enough at 15 fps and stays small; an MP4 at 30.
  const bool gif = fs::path(path).extension() == ".gif";
  if (gif && choices_.fps == 30) choices_.fps = 15;
  if (!gif && choices_.fps == 15) choices_.fps = 30;
  configuring_ = true;
  open_options_ = true;
}

RecordVideoView::Outcome RecordVideoView::Draw() {
  Outcome outcome;
  Poll(outcome);
  if (open_options_) {
    ImGui::OpenPopup("Record video###record_options");
    open_options_ = false;
  }
  DrawOptions(outcome);
  if (open_progress_) {
    ImGui::OpenPopup("Recording video###record_progress");
    open_progress_ = false;
  }
  DrawProgress(outcome);
  return outcome;
}

void RecordVideoView::DrawOptions(Outcome& outcome) {
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Record video###record_options", nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
    return;
  }
  const float wrap = std::min(ImGui::GetFontSize() * 28.0f, ImGui::GetMainViewport()->Size.x * 0.8f);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
  ImGui::TextUnformatted(("Into " + choices_.path).c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  // Fields and the check box stand out from the popup in every theme.
  ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::ColorConvertU32ToFloat4(with_alpha(platform::palette().text, 0.12f)));
  ImGui::PushItemWidth(ImGui::GetFontSize() * 15.0f);

  int size = 0;
  while (size + 1 < static_cast<int>(std::size(kSizes)) &&
         (kSizes[size].width != choices_.width || kSizes[size].height != choices_.height))
    ++size;
  combo("Size", kSizes, size, [](const SizeChoice& s) { return std::string(s.label); });
  choices_.width = kSizes[size].width;
  choices_.height = kSizes[size].height;

  int fps = static_cast<int>(std::find(std::begin(kFps), std::end(kFps), choices_.fps) - std::begin(kFps));
  if (fps >= static_cast<int>(std::size(kFps))) fps = 3;
  combo("Frames per second", kFps, fps, [](int f) { return std::to_string(f); });
  choices_.fps = kFps[fps];

  int speed = 0;
  while (speed + 1 < static_cast<int>(std::size(kSpeeds)) && kSpeeds[speed].speed != choices_.speed) ++speed;
  combo("Speed", kSpeeds, speed, [](const SpeedChoice& s) { return std::string(s.label); });
  choices_.speed = kSpeeds[speed].speed;
  if (choices_.speed == 0.0) ImGui::SliderInt("Length (seconds)", &choices_.length_s, 5, 60);

  int scale = static_cast<int>(std::find(std::begin(kScales), std::end(kScales), choices_.scale) - std::begin(kScales));
  if (scale >= static_cast<int>(std::size(kScales))) scale = 0;
  combo("Text size", kScales, scale, [](float s) { return std::to_string(static_cast<int>(s * 100)) + "%"; });
  choices_.scale = kScales[scale];
  ImGui::PopItemWidth();
  ImGui::Checkbox("Presenter layout (code and timeline, a caption of each step)", &choices_.presenter);
  ImGui::PopStyleColor();

  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(platform::palette().text_dim));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
  ImGui::TextUnformatted(
      "The playhead moves through the run in the run's own time, stretched by the speed; every step stays on screen "
      "at least 0.2 s, so steps close together are still seen. The first step is held 1 s, the last 2 s.");
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::Spacing();
  if (ImGui::Button("Record")) {
    configuring_ = false;
    outcome.start = true;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    configuring_ = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void RecordVideoView::DrawProgress(Outcome&) {
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Recording video###record_progress", nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
    return;
  }
  const float width = std::min(ImGui::GetFontSize() * 24.0f, ImGui::GetMainViewport()->Size.x * 0.8f);
  if (show_failure_) {
    ImGui::TextUnformatted("Could not record the video:");
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(platform::palette().error), "%s", failure_.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
      show_failure_ = false;
      ImGui::CloseCurrentPopup();
    }
  } else if (!child_) {
    ImGui::CloseCurrentPopup();
  } else {
    ImGui::TextUnformatted(fs::path(choices_.path).filename().c_str());
    std::string state = total_ == 0       ? "Preparing…"
                        : done_ < total_ ? "Frame " + std::to_string(done_) + " of " + std::to_string(total_)
                                         : "Encoding…";
    if (cancelling_) state = "Cancelling…";
    const float fraction = total_ > 0 ? static_cast<float>(done_) / static_cast<float>(total_) : 0.0f;
    // The bar's empty part stands out from the popup in every theme.
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::ColorConvertU32ToFloat4(with_alpha(platform::palette().text, 0.15f)));
    ImGui::ProgressBar(fraction, ImVec2(width, 0), state.c_str());
    ImGui::PopStyleColor();
    ImGui::BeginDisabled(cancelling_);
    if (ImGui::Button("Cancel")) Cancel();
    ImGui::EndDisabled();
  }
  ImGui::EndPopup();
}

bool RecordVideoView::Start(const RecordingSource& source, std::string* error) {
  if (child_ || !source.trace) return false;
  std::string dir = (fs::temp_directory_path() / "loopscope-record-XXXXXX").string();
  if (!::mkdtemp(dir.data())) {
    *error = "cannot make a temporary folder";
    return false;
  }
  temp_dir_ = dir;
  const std::string trace_file = dir + "/run.jsonl";
  const std::string code_file = source.edited_text.empty() ? std::string() : dir + "/program.py";
  const std::string pinned_file = source.pinned ? dir + "/pinned.jsonl" : std::string();
  if (!save_jsonl(*source.trace, trace_file, error) || (!code_file.empty() && !write_file(code_file, source.edited_text, error)) ||
      (source.pinned && !save_jsonl(*source.pinned, pinned_file, error))) {
    RemoveFiles();
    return false;
  }
  SpawnSpec spec;
  spec.argv = record_arguments(source, choices_, trace_file, code_file, pinned_file);
  spec.argv.insert(spec.argv.begin(), own_program());
  child_ = std::make_unique<ChildProcess>();
  if (!child_->spawn(spec, error)) {
    child_.reset();
    RemoveFiles();
    return false;
  }
  set_nonblocking(child_->stdout_fd());
  set_nonblocking(child_->stderr_fd());
  out_buffer_.clear();
  err_text_.clear();
  done_ = total_ = 0;
  cancelling_ = false;
  show_failure_ = false;
  open_progress_ = true;
  return true;
}

void RecordVideoView::Cancel() {
  if (!child_ || cancelling_) return;
  // The recorder stops at the next frame and removes what it wrote; killed if it does not.
  ::kill(child_->pid(), SIGTERM);
  cancelling_ = true;
  cancel_deadline_ = monotonic_seconds() + kCancelGrace_s;
}

void RecordVideoView::ReadProgress() {
  drain(child_->stdout_fd(), out_buffer_);
  for (std::size_t end; (end = out_buffer_.find('\n')) != std::string::npos;) {
    long done = 0, total = 0;
    if (std::sscanf(out_buffer_.substr(0, end).c_str(), "progress %ld %ld", &done, &total) == 2) {
      done_ = done;
      total_ = total;
    }
    out_buffer_.erase(0, end + 1);
  }
  drain(child_->stderr_fd(), err_text_);
  if (err_text_.size() > 65536) err_text_.erase(0, err_text_.size() - 65536);
}

void RecordVideoView::Poll(Outcome& outcome) {
  if (!child_) return;
  ReadProgress();
  if (cancelling_ && monotonic_seconds() > cancel_deadline_) child_->kill_group();
  if (child_->poll_exit()) Finish(outcome);
}

void RecordVideoView::Finish(Outcome& outcome) {
  ReadProgress();
  const int status = child_->wait_status();
  const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (ok) {
    outcome.message = "Recorded " + choices_.path;
  } else if (cancelling_) {
    outcome.message = "Recording cancelled: nothing written";
  } else {
    failure_ = last_error(err_text_);
    show_failure_ = true;
    outcome.message = "Could not record the video";
  }
  child_.reset();
  cancelling_ = false;
  RemoveFiles();
}

void RecordVideoView::RemoveFiles() {
  if (temp_dir_.empty()) return;
  std::error_code ec;
  fs::remove_all(temp_dir_, ec);
  temp_dir_.clear();
}

}  // namespace loopscope::ui
