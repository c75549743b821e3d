// Loading a saved trace block by block: lines cut across blocks, a bounded buffer, progress
// that reaches the file's size, and a load that stops when cancelled.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

#include "core/block_reader.h"
#include "core/chrome_export.h"
#include "core/synthetic_stream.h"
#include "core/trace_io.h"

using namespace loopscope;
namespace fs = std::filesystem;

namespace {

// A file in the temporary folder, removed at the end of the test.
struct TempFile {
  explicit TempFile(const std::string& name)
      : path((fs::temp_directory_path() / ("loopscope-test-" + std::to_string(::getpid()) + "-" + name)).string()) {}
  ~TempFile() {
    std::error_code ec;
    fs::remove(path, ec);
  }
  std::string path;
};

void write_file(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  REQUIRE(f);
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
}

std::string synthetic(std::size_t events) {
  std::string text;
  append_synthetic_stream(text, events);
  return text;
}

}  // namespace

TEST_CASE("lines come out whole across blocks, and the buffer stays one block big", "[load]") {
  // Lines of many lengths, one of them longer than a block.
  std::string text;
  std::vector<std::string> lines;
  for (int i = 0; i < 200000; ++i) lines.push_back(std::string(static_cast<std::size_t>(i % 197), 'a' + (i % 26)));
  lines[100000] = std::string(BlockReader::kBlockBytes + 12345, 'x');
  for (const auto& line : lines) text += line + "\n";
  text += "last line without a newline";
  lines.push_back("last line without a newline");

  const auto source = text_source(text);
  BlockReader reader(*source);
  std::string_view line;
  std::size_t i = 0, most_buffered = 0;
  while (reader.next_line(line)) {
    REQUIRE(i < lines.size());
    REQUIRE(line == lines[i]);
    ++i;
    if (i != 100001) most_buffered = std::max(most_buffered, reader.buffered_bytes());
  }
  CHECK(i == lines.size());
  CHECK(reader.consumed() == text.size());
  CHECK(text.size() > 15 * BlockReader::kBlockBytes);
  // Never the whole input: a block and the line being cut (the long line's block aside), with
  // the string's own growth.
  CHECK(most_buffered < 5 * BlockReader::kBlockBytes);
}

TEST_CASE("a marker cut between two blocks is found", "[load]") {
  const std::string marker = "\"loopscope\":{\"version\":1,\"events\":[";
  std::string text(BlockReader::kBlockBytes - 10, ' ');
  text += marker + "\nrest\n";
  const auto source = text_source(text);
  BlockReader reader(*source);
  REQUIRE(reader.skip_past(marker));
  std::string_view line;
  REQUIRE(reader.next_line(line));
  CHECK(line.empty());
  REQUIRE(reader.next_line(line));
  CHECK(line == "rest");
}

TEST_CASE("loading reports its progress up to the file's size", "[load]") {
  Trace original;
  const std::string stream = synthetic(60'000);
  REQUIRE(load_trace_text(stream, false, original, nullptr));
  TempFile jsonl("progress.jsonl"), chrome("progress.json");
  write_file(jsonl.path, stream);
  REQUIRE(save_chrome_trace(original, chrome.path, nullptr));

  for (const std::string& path : {jsonl.path, chrome.path}) {
    INFO(path);
    LoadProgress progress;
    Trace loaded;
    std::string error;
    REQUIRE(load_trace_file(path, loaded, &error, &progress));
    CHECK(error.empty());
    CHECK(progress.bytes_total == fs::file_size(path));
    CHECK(progress.events == loaded.events().size());
    CHECK(loaded.events().size() == original.events().size());
    // The Chrome trace ends after its stream's closing bracket ("]}}"): all but those bytes.
    CHECK(progress.bytes_read + 8 >= progress.bytes_total);
    CHECK(progress.fraction() > 0.99);
  }
}

TEST_CASE("a cancelled load stops early and says so", "[load]") {
  TempFile file("cancel.jsonl");
  write_file(file.path, synthetic(300'000));

  SECTION("cancelled before it starts: at most one report's worth of lines") {
    LoadProgress progress;
    progress.cancel = true;
    Trace trace;
    std::string error;
    CHECK_FALSE(load_trace_file(file.path, trace, &error, &progress));
    CHECK(error.find("cancelled") != std::string::npos);
    CHECK(trace.events().size() <= 8193);  // one block of lines, and the end record
    CHECK(progress.bytes_read < progress.bytes_total);
  }
  SECTION("cancelled from another thread while it runs") {
    LoadProgress progress;
    Trace trace;
    std::string error;
    bool ok = true;
    std::thread loader([&] { ok = load_trace_file(file.path, trace, &error, &progress); });
    while (progress.events.load() == 0 && progress.bytes_read.load() < progress.bytes_total.load())
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    progress.cancel = true;
    loader.join();
    CHECK_FALSE(ok);
    CHECK(error.find("cancelled") != std::string::npos);
    CHECK(trace.events().size() < 300'000);
  }
}
