// The GUI's recorder command line and the encoder's checks, without a window.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "platform/video_encoder.h"
#include "ui/record_video_view.h"

using namespace loopscope;

namespace {

bool has(const std::vector<std::string>& args, const std::string& option, const std::string& value) {
  const auto it = std::find(args.begin(), args.end(), option);
  return it != args.end() && it + 1 != args.end() && *(it + 1) == value;
}

bool has_flag(const std::vector<std::string>& args, const std::string& flag) {
  return std::find(args.begin(), args.end(), flag) != args.end();
}

}  // namespace

TEST_CASE("the GUI records a lesson's run as shown", "[record]") {
  Trace trace;
  ui::RecordingSource source;
  source.trace = &trace;
  source.lesson_id = "07-blocking-vs-cooperative";
  source.lessons_dir = "/lessons";
  source.knobs = {{"blocking", "0"}, {"work", "0.3"}};
  source.theme = "projector";
  ui::RecordChoices choices;
  choices.path = "/videos/out.gif";
  choices.width = 960;
  choices.height = 540;
  choices.fps = 15;
  choices.scale = 1.5f;
  choices.presenter = true;
  const auto args = ui::record_arguments(source, choices, "/tmp/run.jsonl", "");
  CHECK(args.front() == "record");
  CHECK(has(args, "-o", "/videos/out.gif"));
  CHECK(has(args, "--trace", "/tmp/run.jsonl"));  // the run as it is, never run again
  CHECK(has(args, "--lesson", "07-blocking-vs-cooperative"));
  CHECK(has(args, "--lessons-dir", "/lessons"));
  CHECK(has(args, "--view", "knob:blocking=0,knob:work=0.3"));
  CHECK(has(args, "--size", "960x540"));
  CHECK(has(args, "--fps", "15"));
  CHECK(has(args, "--scale", "1.5"));
  CHECK(has(args, "--theme", "projector"));
  CHECK(has(args, "--length", "12"));  // auto speed
  CHECK_FALSE(has_flag(args, "--speed"));
  CHECK(has_flag(args, "--presenter"));
  CHECK(has_flag(args, "--progress"));
  CHECK_FALSE(has_flag(args, "--code"));
}

TEST_CASE("the GUI records a script's edited run with a set speed", "[record]") {
  Trace trace;
  ui::RecordingSource source;
  source.trace = &trace;
  ui::RecordChoices choices;
  choices.path = "out.mp4";
  choices.speed = 0.25;
  const auto args = ui::record_arguments(source, choices, "run.jsonl", "program.py");
  CHECK(has(args, "--speed", "0.25"));
  CHECK_FALSE(has_flag(args, "--length"));
  CHECK(has(args, "--code", "program.py"));
  CHECK_FALSE(has_flag(args, "--lesson"));
  CHECK_FALSE(has_flag(args, "--view"));
  CHECK_FALSE(has_flag(args, "--presenter"));
}

TEST_CASE("the GUI records runs compared: the pinned run goes along with both titles", "[record]") {
  Trace trace, earlier;
  ui::RecordingSource source;
  source.trace = &trace;
  source.pinned = &earlier;
  source.pinned_title = "blocking = on";
  source.current_title = "blocking = off";
  ui::RecordChoices choices;
  choices.path = "out.mp4";
  const auto args = ui::record_arguments(source, choices, "run.jsonl", "", "pinned.jsonl");
  CHECK(has(args, "--pinned", "pinned.jsonl"));
  CHECK(has(args, "--pinned-title", "blocking = on"));
  CHECK(has(args, "--title", "blocking = off"));
  // Not comparing: none of it.
  source.pinned = nullptr;
  CHECK_FALSE(has_flag(ui::record_arguments(source, choices, "run.jsonl", ""), "--pinned"));
}

TEST_CASE("video formats by extension", "[record]") {
  using platform::VideoFormat;
  CHECK(platform::video_format_of("a/b.mp4") == VideoFormat::Mp4);
  CHECK(platform::video_format_of("B.GIF") == VideoFormat::Gif);
  CHECK_FALSE(platform::video_format_of("b.mov").has_value());
  CHECK_FALSE(platform::video_format_of("mp4").has_value());
}

TEST_CASE("the encoder refuses what ffmpeg would fail on, before starting it", "[record]") {
  platform::VideoSpec spec;
  spec.ffmpeg = "/bin/true";
  spec.width = 321;
  spec.height = 240;
  spec.path = "/no/such/folder/out.mp4";
  std::string error;
  CHECK_FALSE(platform::VideoEncoder::start(spec, &error));
  CHECK(error.find("/no/such/folder") != std::string::npos);
  spec.path = "out.mp4";
  CHECK_FALSE(platform::VideoEncoder::start(spec, &error));
  CHECK(error.find("even") != std::string::npos);
}
