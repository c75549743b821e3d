// Reading a saved trace a block at a time, so that a file of any size is never held whole in
// memory: a source of bytes (a file, or text already in memory) and a line splitter over it
// that keeps one block plus the line being cut.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace loopscope {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `into`; 0 at the end. Sets `failed` on a read error.
  virtual std::size_t read(char* into, std::size_t n) = 0;
  virtual std::uint64_t size() const = 0;  // total bytes (what progress is counted against)
  bool failed = false;
};

// A file, read with fread (nullptr when it cannot be opened: see errno).
std::unique_ptr<ByteSource> open_file_source(const std::string& path);
// Text in memory (not copied: it must outlive the source).
std::unique_ptr<ByteSource> text_source(std::string_view text);

class BlockReader {
 public:
  static constexpr std::size_t kBlockBytes = 1 << 20;

  explicit BlockReader(ByteSource& source) : source_(source) {}

  // The next line without its '\n' (the view is valid until the next call); false at the end.
  bool next_line(std::string_view& line);
  // Skips everything up to and including the first occurrence of `marker`; false if the input
  // ends without it (everything is then consumed).
  bool skip_past(std::string_view marker);
  // The first line, without consuming anything (empty if there is none).
  std::string_view peek_line();
  std::uint64_t consumed() const { return consumed_; }  // bytes handed out or skipped so far
  std::size_t buffered_bytes() const { return buffer_.capacity(); }  // memory held for the input

 private:
  bool fill();  // reads one more block after what is left; false at the end

  ByteSource& source_;
  std::string buffer_;
  std::size_t begin_ = 0;  // unconsumed bytes are buffer_[begin_, size)
  std::uint64_t consumed_ = 0;
  bool at_end_ = false;
};

}  // namespace loopscope
