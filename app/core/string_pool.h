// Interned strings: each distinct string is stored once and named by a small id.
// Id 0 is always the empty string.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace loopscope {

using StrId = std::uint32_t;

class StringPool {
 public:
  StringPool() { intern({}); }
  // Copies rebuild the index: it holds views into the pool's own strings.
  StringPool(const StringPool& other);
  StringPool& operator=(const StringPool& other);
  StringPool(StringPool&&) noexcept = default;  // a moved deque keeps its elements in place
  StringPool& operator=(StringPool&&) noexcept = default;

  StrId intern(std::string_view text);
  std::string_view view(StrId id) const { return id < strings_.size() ? std::string_view(strings_[id]) : std::string_view(); }
  std::size_t size() const { return strings_.size(); }

 private:
  std::deque<std::string> strings_;  // deque: views into it stay valid as it grows
  std::unordered_map<std::string_view, StrId> ids_;
};

}  // namespace loopscope
