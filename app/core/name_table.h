// A small fixed map from names to values, for the names of the event stream (record kinds,
// field names): an open-addressing table keyed by a cheap hash of the name (its length and
// first and last characters). A lookup is a hash, a short compare and rarely a second probe;
// it runs for every field of every record, where a node-based map's hashing showed up.
#pragma once

#include <cstddef>
#include <string_view>

namespace loopscope {

template <class Value, std::size_t kSize = 256>  // kSize: a power of two, well above the names
class NameTable {
 public:
  Value& add(std::string_view name) {
    std::size_t at = hash(name);
    while (!entries_[at].name.empty() && entries_[at].name != name) at = (at + 1) & kMask;
    entries_[at].name = name;
    return entries_[at].value;
  }
  // The value of `name`, or nullptr for a name not in the table.
  const Value* find(std::string_view name) const {
    for (std::size_t at = hash(name);; at = (at + 1) & kMask) {
      const Entry& e = entries_[at];
      if (e.name.empty()) return nullptr;
      if (same(e.name, name)) return &e.value;
    }
  }

 private:
  static constexpr std::size_t kMask = kSize - 1;
  struct Entry {
    std::string_view name;
    Value value{};
  };
  // Names are a few characters: compared in line, not through a memcmp call.
  static bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  static std::size_t hash(std::string_view name) {
    if (name.empty()) return 0;
    const auto first = static_cast<unsigned char>(name.front()), last = static_cast<unsigned char>(name.back());
    return (name.size() * 37 + first * 11 + last * 3) & kMask;
  }
  Entry entries_[kSize];
};

}  // namespace loopscope
