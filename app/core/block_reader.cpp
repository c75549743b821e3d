#include "core/block_reader.h"

#include <algorithm>
#include <cstring>

namespace loopscope {

namespace {

class FileSource : public ByteSource {
 public:
  explicit FileSource(std::FILE* file) : file_(file) {
    if (std::fseek(file_, 0, SEEK_END) == 0) {
      const long end = std::ftell(file_);
      size_ = end > 0 ? static_cast<std::uint64_t>(end) : 0;
    }
    std::fseek(file_, 0, SEEK_SET);
  }
  ~FileSource() override { std::fclose(file_); }
  std::size_t read(char* into, std::size_t n) override {
    const std::size_t got = std::fread(into, 1, n, file_);
    if (got < n && std::ferror(file_)) failed = true;
    return got;
  }
  std::uint64_t size() const override { return size_; }

 private:
  std::FILE* file_;
  std::uint64_t size_ = 0;
};

class TextSource : public ByteSource {
 public:
  explicit TextSource(std::string_view text) : text_(text) {}
  std::size_t read(char* into, std::size_t n) override {
    const std::size_t got = std::min(n, text_.size() - at_);
    std::memcpy(into, text_.data() + at_, got);
    at_ += got;
    return got;
  }
  std::uint64_t size() const override { return text_.size(); }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace

std::unique_ptr<ByteSource> open_file_source(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return nullptr;
  return std::make_unique<FileSource>(file);
}

std::unique_ptr<ByteSource> text_source(std::string_view text) { return std::make_unique<TextSource>(text); }

bool BlockReader::fill() {
  if (at_end_) return false;
  // Keep what is left (a line being cut) at the front, then append a block.
  buffer_.erase(0, begin_);
  begin_ = 0;
  const std::size_t kept = buffer_.size();
  buffer_.resize(kept + kBlockBytes);
  const std::size_t got = source_.read(buffer_.data() + kept, kBlockBytes);
  buffer_.resize(kept + got);
  if (got == 0) at_end_ = true;
  return got > 0;
}

bool BlockReader::next_line(std::string_view& line) {
  std::size_t searched = begin_;
  for (;;) {
    const char* data = buffer_.data();
    const void* nl = std::memchr(data + searched, '\n', buffer_.size() - searched);
    if (nl) {
      const auto end = static_cast<std::size_t>(static_cast<const char*>(nl) - data);
      line = std::string_view(data + begin_, end - begin_);
      consumed_ += end + 1 - begin_;
      begin_ = end + 1;
      return true;
    }
    searched = buffer_.size() - begin_;  // offset of the unsearched part once fill() moved it
    if (!fill()) {
      if (begin_ == buffer_.size()) return false;
      line = std::string_view(buffer_.data() + begin_, buffer_.size() - begin_);  // a last line without '\n'
      consumed_ += line.size();
      begin_ = buffer_.size();
      return true;
    }
  }
}

bool BlockReader::skip_past(std::string_view marker) {
  for (;;) {
    const std::string_view rest(buffer_.data() + begin_, buffer_.size() - begin_);
    // memmem, not string_view::find: that one stops at every '"' of the JSON being skipped.
    const void* found = ::memmem(rest.data(), rest.size(), marker.data(), marker.size());
    if (found) {
      const auto at = static_cast<std::size_t>(static_cast<const char*>(found) - rest.data());
      consumed_ += at + marker.size();
      begin_ += at + marker.size();
      return true;
    }
    // Keep the tail that could be the start of the marker.
    const std::size_t keep = std::min(rest.size(), marker.size() - 1);
    consumed_ += rest.size() - keep;
    begin_ += rest.size() - keep;
    if (!fill()) {
      consumed_ += buffer_.size() - begin_;
      begin_ = buffer_.size();
      return false;
    }
  }
}

std::string_view BlockReader::peek_line() {
  for (;;) {
    const std::string_view rest(buffer_.data() + begin_, buffer_.size() - begin_);
    const auto nl = rest.find('\n');
    if (nl != std::string_view::npos) return rest.substr(0, nl);
    if (!fill()) return std::string_view(buffer_.data() + begin_, buffer_.size() - begin_);
  }
}

}  // namespace loopscope
