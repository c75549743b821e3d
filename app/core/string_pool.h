// Interned strings: each distinct string is stored once and named by a small id.
// Id 0 is always the empty string.
//
// Compact, because a trace can hold a distinct string for nearly every print: the characters
// sit back to back in 64 KiB blocks (a view stays valid for the pool's lifetime), and the index
// is an open-addressing table of ids, not a node-based map: about 20 bytes per string beyond
// its characters.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace loopscope {

using StrId = std::uint32_t;

class StringPool {
 public:
  StringPool() { intern({}); }
  // Copies re-intern into fresh blocks (views point into the pool's own characters).
  StringPool(const StringPool& other);
  StringPool& operator=(const StringPool& other);
  StringPool(StringPool&&) noexcept = default;  // blocks move with their characters in place
  StringPool& operator=(StringPool&&) noexcept = default;

  StrId intern(std::string_view text);
  std::string_view view(StrId id) const {
    return id < starts_.size() ? std::string_view(starts_[id], lengths_[id]) : std::string_view();
  }
  std::size_t size() const { return starts_.size(); }
  std::size_t bytes() const;  // memory held, for the memory figures

 private:
  const char* store(std::string_view text);
  void grow_index();

  std::vector<std::unique_ptr<char[]>> blocks_;  // the characters
  std::vector<std::size_t> block_sizes_;
  std::size_t block_used_ = 0;                   // in blocks_.back()
  std::vector<const char*> starts_;              // per id
  std::vector<std::uint32_t> lengths_;           // per id
  std::vector<std::uint32_t> index_;             // hash slots: id + 1, 0 = free
};

}  // namespace loopscope
